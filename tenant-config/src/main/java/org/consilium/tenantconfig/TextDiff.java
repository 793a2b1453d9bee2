package org.consilium.tenantconfig;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two versions of a tenant file, as a reviewer reads it: lines kept,
 * removed and added, in order. Common head and tail are matched first; the changed middle
 * by longest common subsequence, which is exact for the few hundred lines a tenant file
 * has (a middle too large for that is shown as removed then added).
 */
public final class TextDiff {

	/** Largest changed middle, in line pairs, compared line by line. */
	private static final long MAX_CELLS = 4_000_000L;

	private TextDiff() {
	}

	public static List<Line> lines(String before, String after) {
		List<String> a = split(before);
		List<String> b = split(after);
		int head = 0;
		while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
			head++;
		}
		int tail = 0;
		while (tail < a.size() - head && tail < b.size() - head
				&& a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
			tail++;
		}
		List<Line> lines = new ArrayList<>();
		for (int i = 0; i < head; i++) {
			lines.add(new Line(Kind.SAME, a.get(i), i + 1, i + 1));
		}
		middle(a.subList(head, a.size() - tail), b.subList(head, b.size() - tail), head, lines);
		for (int i = 0; i < tail; i++) {
			int oldIndex = a.size() - tail + i;
			int newIndex = b.size() - tail + i;
			lines.add(new Line(Kind.SAME, a.get(oldIndex), oldIndex + 1, newIndex + 1));
		}
		return lines;
	}

	/** True when the two texts differ in any line. */
	public static boolean changed(List<Line> lines) {
		return lines.stream().anyMatch((line) -> line.kind() != Kind.SAME);
	}

	private static void middle(List<String> a, List<String> b, int offset, List<Line> out) {
		if ((long) a.size() * b.size() > MAX_CELLS) {
			for (int i = 0; i < a.size(); i++) {
				out.add(new Line(Kind.REMOVED, a.get(i), offset + i + 1, 0));
			}
			for (int j = 0; j < b.size(); j++) {
				out.add(new Line(Kind.ADDED, b.get(j), 0, offset + j + 1));
			}
			return;
		}
		int[][] common = new int[a.size() + 1][b.size() + 1];
		for (int i = a.size() - 1; i >= 0; i--) {
			for (int j = b.size() - 1; j >= 0; j--) {
				common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1
						: Math.max(common[i + 1][j], common[i][j + 1]);
			}
		}
		int i = 0;
		int j = 0;
		while (i < a.size() || j < b.size()) {
			if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
				out.add(new Line(Kind.SAME, a.get(i), offset + i + 1, offset + j + 1));
				i++;
				j++;
			}
			else if (i < a.size() && (j == b.size() || common[i + 1][j] >= common[i][j + 1])) {
				out.add(new Line(Kind.REMOVED, a.get(i), offset + i + 1, 0));
				i++;
			}
			else {
				out.add(new Line(Kind.ADDED, b.get(j), 0, offset + j + 1));
				j++;
			}
		}
	}

	private static List<String> split(String text) {
		if (text == null || text.isEmpty()) {
			return List.of();
		}
		return List.of(text.replace("\r\n", "\n").split("\n", -1));
	}

	public enum Kind {

		SAME, REMOVED, ADDED

	}

	/**
	 * @param oldNumber 1-based line in the old text, 0 for an added line
	 * @param newNumber 1-based line in the new text, 0 for a removed line
	 */
	public record Line(Kind kind, String text, int oldNumber, int newNumber) {

	}

}
