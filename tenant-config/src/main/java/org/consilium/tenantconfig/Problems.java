package org.consilium.tenantconfig;

import java.util.ArrayList;
import java.util.List;

import org.yaml.snakeyaml.nodes.Node;

/**
 * Collects problems for one source so that an author sees all of them at once.
 */
final class Problems {

	private final String source;

	private final List<ConfigProblem> problems = new ArrayList<>();

	Problems(String source) {
		this.source = source;
	}

	String source() {
		return this.source;
	}

	void add(String path, String reason, Node node) {
		int line = (node != null && node.getStartMark() != null) ? node.getStartMark().getLine() + 1 : 0;
		this.problems.add(new ConfigProblem(this.source, path, reason, line));
	}

	int count() {
		return this.problems.size();
	}

	List<ConfigProblem> all() {
		return List.copyOf(this.problems);
	}

	static String child(String path, String key) {
		return path.isEmpty() ? key : path + "." + key;
	}

	static String index(String path, int index) {
		return path + "[" + index + "]";
	}

}
