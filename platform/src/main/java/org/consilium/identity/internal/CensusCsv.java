package org.consilium.identity.internal;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.consilium.identity.CensusImportException;

/**
 * Reads a census CSV file one record at a time, never the whole file: UTF-8 (a byte-order
 * mark is skipped; anything that is not UTF-8 text is refused), fields separated by
 * comma, semicolon or tab (whichever the header line uses), quoted fields with doubled
 * quotes and line breaks inside, CRLF, LF or CR line ends, blank lines (or lines of empty
 * fields) skipped. Each record knows the 1-based line it starts on.
 */
final class CensusCsv implements Closeable {

	/** The longest field; a longer one means this is not a census file. */
	static final int MAX_FIELD = 4096;

	/** The most fields in a record. */
	static final int MAX_FIELDS = 200;

	private static final int EOF = -1;

	private final BufferedReader reader;

	private char delimiter;

	private long line = 1;

	private int peeked = -2;

	private boolean first = true;

	private boolean bomChecked;

	CensusCsv(InputStream in, long maxBytes) {
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		this.reader = new BufferedReader(new InputStreamReader(new Limited(in, maxBytes), decoder), 64 * 1024);
	}

	/** A record: the line it starts on and its fields, as written (not stripped). */
	record Row(long line, List<String> fields) {

		String field(int index) {
			return (index < this.fields.size()) ? this.fields.get(index) : "";
		}

	}

	/**
	 * The header: the first non-blank record, whose separator the rest of the file uses.
	 * @throws CensusImportException if the file has no header
	 */
	Row header() {
		if (!this.first) {
			throw new IllegalStateException("header already read");
		}
		Row header = next().orElseThrow(() -> new CensusImportException("census.error.empty"));
		return new Row(header.line(), header.fields().stream().map(String::strip).toList());
	}

	/** The next non-blank record, if any. */
	Optional<Row> next() {
		try {
			while (true) {
				int c = peek();
				if (c == EOF) {
					return Optional.empty();
				}
				if (c == '\r' || c == '\n') {
					newline();
					continue;
				}
				if (this.first) {
					this.delimiter = delimiterOfFirstLine();
					this.first = false;
				}
				Row row = record();
				if (row.fields().stream().allMatch(String::isBlank)) {
					continue;
				}
				return Optional.of(row);
			}
		}
		catch (CharacterCodingException ex) {
			throw new CensusImportException("census.error.not-text");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Row record() throws IOException {
		long start = this.line;
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean wasQuoted = false;
		while (true) {
			int c = read();
			if (c == EOF) {
				if (quoted) {
					throw new CensusImportException("census.error.unclosed-quote", start);
				}
				fields.add(field.toString());
				return new Row(start, fields);
			}
			if (quoted) {
				if (c == '"') {
					if (peek() == '"') {
						read();
						append(field, '"', start);
					}
					else {
						quoted = false;
					}
				}
				else {
					if (c == '\r' || c == '\n') {
						unread(c);
						newline();
						c = '\n';
					}
					append(field, (char) c, start);
				}
			}
			else if (c == '"' && field.toString().isBlank() && !wasQuoted) {
				quoted = true;
				wasQuoted = true;
				field.setLength(0);
			}
			else if (c == this.delimiter) {
				fields.add(field.toString());
				if (fields.size() > MAX_FIELDS) {
					throw new CensusImportException("census.error.too-many-columns", start, MAX_FIELDS);
				}
				field.setLength(0);
				wasQuoted = false;
			}
			else if (c == '\r' || c == '\n') {
				unread(c);
				newline();
				fields.add(field.toString());
				return new Row(start, fields);
			}
			else if (wasQuoted) {
				// Text after a closing quote: keep it (lenient), but not spaces.
				if (!Character.isWhitespace(c)) {
					append(field, (char) c, start);
				}
			}
			else {
				append(field, (char) c, start);
			}
		}
	}

	private void append(StringBuilder field, char c, long start) {
		if (c == '\0') {
			throw new CensusImportException("census.error.not-text");
		}
		if (field.length() >= MAX_FIELD) {
			throw new CensusImportException("census.error.field-too-long", start, MAX_FIELD);
		}
		field.append(c);
	}

	/**
	 * Looks ahead over the first line (without consuming it) for the separator it uses
	 * outside quotes: the most frequent of comma, semicolon and tab.
	 */
	private char delimiterOfFirstLine() throws IOException {
		this.reader.mark(MAX_FIELD * 4);
		int commas = 0;
		int semicolons = 0;
		int tabs = 0;
		boolean quoted = false;
		int offset = (this.peeked >= 0) ? 1 : 0;
		int c = this.peeked;
		for (int i = 0; i < MAX_FIELD * 4 - 1; i++) {
			if (i >= offset) {
				c = this.reader.read();
			}
			if (c == EOF || (!quoted && (c == '\n' || c == '\r'))) {
				break;
			}
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && c == ',') {
				commas++;
			}
			else if (!quoted && c == ';') {
				semicolons++;
			}
			else if (!quoted && c == '\t') {
				tabs++;
			}
		}
		this.reader.reset();
		if (semicolons > commas && semicolons >= tabs) {
			return ';';
		}
		return (tabs > commas) ? '\t' : ',';
	}

	/** Consumes one line end (CRLF, LF or CR) and counts the line. */
	private void newline() throws IOException {
		int c = read();
		if (c == '\r' && peek() == '\n') {
			read();
		}
		this.line++;
	}

	private int peek() throws IOException {
		if (this.peeked == -2) {
			this.peeked = readSkippingBom();
		}
		return this.peeked;
	}

	private int read() throws IOException {
		int c = peek();
		this.peeked = -2;
		return c;
	}

	private void unread(int c) {
		this.peeked = c;
	}

	private int readSkippingBom() throws IOException {
		int c = this.reader.read();
		if (!this.bomChecked) {
			this.bomChecked = true;
			if (c == '\uFEFF') {
				c = this.reader.read();
			}
		}
		return c;
	}

	@Override
	public void close() throws IOException {
		this.reader.close();
	}

	/** Refuses to read past the limit. */
	private static final class Limited extends FilterInputStream {

		private final long max;

		private long count;

		Limited(InputStream in, long max) {
			super(in);
			this.max = max;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(long n) {
			this.count += n;
			if (this.count > this.max) {
				throw new CensusImportException("census.error.too-large", this.max / (1024 * 1024));
			}
		}

	}

}
