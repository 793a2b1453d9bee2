package org.consilium.tenantconfig;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A tenant file being edited by the admin console: the YAML node tree, comments kept, in
 * which a form sets values by path ({@code branding.primaryColor}). A value gets the tag
 * YAML itself would give the same text typed into a file, so the console's edit and the
 * file's line are validated by the same reader with the same messages: {@code 7} is a
 * number, {@code seven} a string the reader refuses as "must be a whole number".
 */
public final class YamlEdit {

	private static final Resolver RESOLVER = new Resolver();

	private final MappingNode root;

	private final String original;

	private boolean changed;

	private YamlEdit(MappingNode root, String original) {
		this.root = root;
		this.original = original;
	}

	/**
	 * @throws IllegalArgumentException if the text is not one YAML mapping (a stored
	 * version always is: it was validated)
	 */
	public static YamlEdit of(String yaml) {
		try {
			Node node = new Yaml(loaderOptions()).compose(new StringReader(yaml));
			if (!(node instanceof MappingNode mapping)) {
				throw new IllegalArgumentException("A tenant file is a YAML mapping");
			}
			return new YamlEdit(mapping, yaml);
		}
		catch (YAMLException ex) {
			throw new IllegalArgumentException("Not valid YAML: " + ex.getMessage(), ex);
		}
	}

	/** The text of a scalar at the path, if there is one. */
	public Optional<String> scalar(String path) {
		return find(path).filter(ScalarNode.class::isInstance)
			.map((node) -> (ScalarNode) node)
			.filter((node) -> !Tag.NULL.equals(node.getTag()))
			.map(ScalarNode::getValue);
	}

	/**
	 * The scalars of a sequence at the path (a single scalar counts as a list of one).
	 */
	public List<String> scalars(String path) {
		Optional<Node> node = find(path);
		if (node.isPresent() && node.get() instanceof SequenceNode sequence) {
			return sequence.getValue()
				.stream()
				.filter(ScalarNode.class::isInstance)
				.map((item) -> ((ScalarNode) item).getValue())
				.toList();
		}
		return scalar(path).map(List::of).orElse(List.of());
	}

	/** The mapping keys at the path, in file order. */
	public List<String> keys(String path) {
		Optional<Node> node = path.isEmpty() ? Optional.of(this.root) : find(path);
		if (node.isPresent() && node.get() instanceof MappingNode mapping) {
			return mapping.getValue()
				.stream()
				.map(NodeTuple::getKeyNode)
				.filter(ScalarNode.class::isInstance)
				.map((key) -> ((ScalarNode) key).getValue())
				.toList();
		}
		return List.of();
	}

	public boolean has(String path) {
		return find(path).isPresent();
	}

	/**
	 * Sets a scalar, creating the mappings on the way; a blank value removes the key (an
	 * optional setting left empty is absent, as in a file).
	 */
	public YamlEdit set(String path, String value) {
		if (value == null || value.isBlank()) {
			return remove(path);
		}
		put(path, scalarNode(value.strip()));
		return this;
	}

	/**
	 * Sets a sequence of scalars, written {@code [a, b]}; an empty list removes the key.
	 */
	public YamlEdit setList(String path, List<String> values) {
		if (values.isEmpty()) {
			return remove(path);
		}
		List<Node> items = new ArrayList<>();
		values.forEach((value) -> items.add(scalarNode(value.strip())));
		put(path, new SequenceNode(Tag.SEQ, items, DumperOptions.FlowStyle.FLOW));
		return this;
	}

	/**
	 * Replaces the subtree at the path with YAML text (a section edited as text).
	 * @throws IllegalArgumentException if the text is not YAML
	 */
	public YamlEdit setYaml(String path, String yaml) {
		if (yaml == null || yaml.isBlank()) {
			return remove(path);
		}
		try {
			Node node = new Yaml(loaderOptions()).compose(new StringReader(yaml));
			if (node == null) {
				return remove(path);
			}
			put(path, node);
			return this;
		}
		catch (YAMLException ex) {
			throw new IllegalArgumentException(ex.getMessage(), ex);
		}
	}

	/** The subtree at the path as YAML text, empty when absent. */
	public String yaml(String path) {
		return find(path).map(YamlEdit::write).orElse("");
	}

	public YamlEdit remove(String path) {
		String[] keys = path.split("\\.");
		Optional<Node> parent = (keys.length == 1) ? Optional.of(this.root)
				: find(String.join(".", List.of(keys).subList(0, keys.length - 1)));
		if (parent.isPresent() && parent.get() instanceof MappingNode mapping
				&& mapping.getValue().removeIf((tuple) -> isKey(tuple, keys[keys.length - 1]))) {
			this.changed = true;
		}
		return this;
	}

	/**
	 * The whole file as YAML text: the original text, character for character, until a
	 * value is changed; then the node tree written out (comments kept, long text
	 * re-wrapped).
	 */
	public String text() {
		return this.changed ? write(this.root) : this.original;
	}

	/** Whether any value was set or removed. */
	public boolean changed() {
		return this.changed;
	}

	/**
	 * The file written out by this class whether changed or not, so that two versions
	 * compare line by line without differences of wrapping and quoting.
	 */
	public static String normalized(String yaml) {
		try {
			return write(of(yaml).root);
		}
		catch (IllegalArgumentException ex) {
			return yaml;
		}
	}

	private Optional<Node> find(String path) {
		Node node = this.root;
		for (String key : path.split("\\.")) {
			if (!(node instanceof MappingNode mapping)) {
				return Optional.empty();
			}
			Optional<Node> next = mapping.getValue()
				.stream()
				.filter((tuple) -> isKey(tuple, key))
				.map(NodeTuple::getValueNode)
				.findFirst();
			if (next.isEmpty()) {
				return Optional.empty();
			}
			node = next.get();
		}
		return Optional.of(node);
	}

	private void put(String path, Node value) {
		if (find(path).filter((existing) -> same(existing, value)).isPresent()) {
			return;
		}
		this.changed = true;
		String[] keys = path.split("\\.");
		MappingNode mapping = this.root;
		for (int i = 0; i < keys.length - 1; i++) {
			String key = keys[i];
			Optional<NodeTuple> tuple = mapping.getValue().stream().filter((t) -> isKey(t, key)).findFirst();
			if (tuple.isPresent() && tuple.get().getValueNode() instanceof MappingNode child) {
				mapping = child;
			}
			else {
				MappingNode child = new MappingNode(Tag.MAP, new ArrayList<>(), DumperOptions.FlowStyle.BLOCK);
				replace(mapping, key, child);
				mapping = child;
			}
		}
		replace(mapping, keys[keys.length - 1], value);
	}

	private static void replace(MappingNode mapping, String key, Node value) {
		List<NodeTuple> tuples = mapping.getValue();
		for (int i = 0; i < tuples.size(); i++) {
			if (isKey(tuples.get(i), key)) {
				Node keyNode = tuples.get(i).getKeyNode();
				value = keepQuoting(tuples.get(i).getValueNode(), value);
				value.setBlockComments(tuples.get(i).getValueNode().getBlockComments());
				value.setInLineComments(tuples.get(i).getValueNode().getInLineComments());
				tuples.set(i, new NodeTuple(keyNode, value));
				return;
			}
		}
		tuples.add(new NodeTuple(scalarNode(key), value));
	}

	/** Same scalar (text and type), or same sequence of scalars. */
	private static boolean same(Node existing, Node value) {
		if (existing instanceof ScalarNode a && value instanceof ScalarNode b) {
			// Text quoted in the file ("2025") stays as it was when the form gives it
			// back.
			return a.getValue().equals(b.getValue())
					&& (a.getTag().equals(b.getTag()) || a.getScalarStyle() == DumperOptions.ScalarStyle.DOUBLE_QUOTED
							|| a.getScalarStyle() == DumperOptions.ScalarStyle.SINGLE_QUOTED);
		}
		if (existing instanceof SequenceNode a && value instanceof SequenceNode b
				&& a.getValue().size() == b.getValue().size()) {
			for (int i = 0; i < a.getValue().size(); i++) {
				if (!same(a.getValue().get(i), b.getValue().get(i))) {
					return false;
				}
			}
			return true;
		}
		return false;
	}

	/** A string that was quoted in the file stays quoted the same way. */
	private static Node keepQuoting(Node before, Node after) {
		if (before instanceof ScalarNode old && after instanceof ScalarNode scalar && Tag.STR.equals(scalar.getTag())
				&& (old.getScalarStyle() == DumperOptions.ScalarStyle.DOUBLE_QUOTED
						|| old.getScalarStyle() == DumperOptions.ScalarStyle.SINGLE_QUOTED)
				&& !scalar.getValue().contains("\n")) {
			return new ScalarNode(Tag.STR, scalar.getValue(), null, null, old.getScalarStyle());
		}
		return after;
	}

	private static boolean isKey(NodeTuple tuple, String key) {
		return tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(key);
	}

	/** A scalar tagged as YAML would tag the same text written plainly in a file. */
	private static ScalarNode scalarNode(String value) {
		Tag tag = RESOLVER.resolve(NodeId.scalar, value, true);
		DumperOptions.ScalarStyle style = value.contains("\n") ? DumperOptions.ScalarStyle.LITERAL
				: DumperOptions.ScalarStyle.PLAIN;
		return new ScalarNode(tag, value, null, null, style);
	}

	private static String write(Node node) {
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setIndent(2);
		options.setIndicatorIndent(2);
		options.setIndentWithIndicator(true);
		options.setWidth(110);
		options.setProcessComments(true);
		StringWriter out = new StringWriter();
		new Yaml(options).serialize(node, out);
		return out.toString();
	}

	private static LoaderOptions loaderOptions() {
		LoaderOptions options = new LoaderOptions();
		options.setProcessComments(true);
		options.setMaxAliasesForCollections(20);
		options.setNestingDepthLimit(30);
		options.setCodePointLimit(TenantConfigLoader.MAX_FILE_BYTES);
		options.setAllowDuplicateKeys(true);
		return options;
	}

}
