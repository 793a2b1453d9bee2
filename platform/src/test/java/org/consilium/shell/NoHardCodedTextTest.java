package org.consilium.shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Views take every user-facing text from the translations. This scans the Vaadin code for
 * text literals handed to components (constructors of text-bearing components, setters of
 * labels, headers, notifications) and fails on any that contains a letter.
 */
class NoHardCodedTextTest {

	/** A string literal with at least one letter in it. */
	private static final String TEXT = "\"[^\"]*\\p{L}[^\"]*\"";

	private static final List<Pattern> PATTERNS = List
		.of(Pattern.compile("new (?:Span|Paragraph|H[1-6]|Button|Text|NativeLabel|ListItem|Emphasis|Details|Tab|"
				+ "Checkbox|TextField|TextArea|PasswordField|EmailField|Select|ComboBox|DatePicker|RouterLink)\\(\\s*"
				+ TEXT), Pattern.compile("new Anchor\\([^,()]+(?:\\([^)]*\\))?,\\s*" + TEXT),
				Pattern.compile("\\.set(?:Text|Label|Placeholder|HelperText|Title|ErrorMessage|AriaLabel|Header|"
						+ "PageTitle|Tooltip(?:Text)?)\\(\\s*" + TEXT),
				Pattern.compile("Notification\\.show\\(\\s*" + TEXT), Pattern.compile("\\.add\\(\\s*" + TEXT));

	@Test
	void views_hand_no_literal_text_to_components() throws IOException {
		List<String> offenders = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
				String source = Files.readString(file);
				if (!source.contains("import com.vaadin.flow.component")) {
					continue;
				}
				offenders.addAll(scan(file.toString(), source));
			}
		}
		assertThat(offenders).isEmpty();
	}

	@Test
	void the_scan_catches_the_usual_ways_of_hard_coding_text() {
		String source = """
				add(new H1("Welcome"));
				button.setText("Save");
				Notification.show("Saved!");
				grid.addColumn(x -> x).setHeader("Name");
				new Anchor("cases", "My cases");
				new Span(getTranslation("ok"));
				new Anchor("mailto:" + email, email);
				new Image("branding/logo", "");
				""";
		assertThat(scan("Example.java", source)).hasSize(5);
	}

	static List<String> scan(String file, String source) {
		List<String> offenders = new ArrayList<>();
		String[] lines = source.split("\n");
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].trim().startsWith("//") || lines[i].trim().startsWith("*")) {
				continue;
			}
			for (Pattern pattern : PATTERNS) {
				Matcher matcher = pattern.matcher(lines[i]);
				if (matcher.find()) {
					offenders.add(file + ":" + (i + 1) + ": " + lines[i].trim());
				}
			}
		}
		return offenders;
	}

}
