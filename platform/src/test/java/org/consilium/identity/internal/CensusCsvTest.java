package org.consilium.identity.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.consilium.identity.CensusImportException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The census CSV reader's edge cases: byte-order mark, quotes (with separators, doubled
 * quotes and line breaks inside), CRLF and lone CR, blank lines, the separator taken from
 * the header, and files that are not text or too large.
 */
class CensusCsvTest {

	@Test
	void a_byte_order_mark_is_skipped_and_crlf_ends_lines() {
		List<CensusCsv.Row> rows = read("\uFEFFEmployee ID,Last name,Date of birth\r\nE-1,Smith,1980-01-02\r\n");
		assertThat(rows.get(0).fields()).containsExactly("Employee ID", "Last name", "Date of birth");
		assertThat(rows.get(1).line()).isEqualTo(2);
		assertThat(rows.get(1).fields()).containsExactly("E-1", "Smith", "1980-01-02");
		assertThat(rows).hasSize(2);
	}

	@Test
	void quoted_fields_keep_separators_doubled_quotes_and_line_breaks() {
		List<CensusCsv.Row> rows = read("id,name,born\n\"E,1\",\"O\"\"Brien\",1980-01-02\n"
				+ "E-2,\"Two\r\nLines\",1981-02-03\nE-3,Next,1982-03-04\n");
		assertThat(rows.get(1).fields()).containsExactly("E,1", "O\"Brien", "1980-01-02");
		assertThat(rows.get(2).line()).isEqualTo(3);
		assertThat(rows.get(2).fields()).containsExactly("E-2", "Two\nLines", "1981-02-03");
		assertThat(rows.get(3).line()).as("the line after the quoted line break").isEqualTo(5);
	}

	@Test
	void blank_lines_and_lines_of_empty_fields_are_skipped_but_counted() {
		List<CensusCsv.Row> rows = read("\n\nid,name,born\n\nE-1,A,1980-01-02\n,,\n   \nE-2,B,1980-01-03");
		assertThat(rows).extracting(CensusCsv.Row::line).containsExactly(3L, 5L, 8L);
		assertThat(rows.get(2).fields()).containsExactly("E-2", "B", "1980-01-03");
	}

	@Test
	void the_separator_is_the_one_the_header_uses() {
		assertThat(read("id;name;born\nE-1;Smith, Jr;1980-01-02\n").get(1).fields()).containsExactly("E-1", "Smith, Jr",
				"1980-01-02");
		assertThat(read("id\tname\tborn\rE-1\tSmith\t1980-01-02\r").get(1).fields()).containsExactly("E-1", "Smith",
				"1980-01-02");
		assertThat(read("\"a;b\",name,born\nE-1,Smith,1980-01-02\n").get(0).fields()).containsExactly("a;b", "name",
				"born");
	}

	@Test
	void a_short_row_reads_missing_fields_as_empty() {
		CensusCsv.Row row = read("id,name,born\nE-1\n").get(1);
		assertThat(row.field(0)).isEqualTo("E-1");
		assertThat(row.field(2)).isEmpty();
	}

	@Test
	void binary_content_and_unclosed_quotes_are_refused() {
		assertThatThrownBy(() -> read("id,name\n\u0000\u0001,x\n")).isInstanceOf(CensusImportException.class)
			.extracting("messageKey")
			.isEqualTo("census.error.not-text");
		byte[] notUtf8 = { 'i', 'd', '\n', (byte) 0xC3, (byte) 0x28, '\n' };
		assertThatThrownBy(() -> read(notUtf8, 1000)).isInstanceOf(CensusImportException.class)
			.extracting("messageKey")
			.isEqualTo("census.error.not-text");
		assertThatThrownBy(() -> read("id,name\nE-1,\"open\n")).isInstanceOf(CensusImportException.class)
			.extracting("messageKey", "args")
			.containsExactly("census.error.unclosed-quote", List.of("2"));
	}

	@Test
	void a_file_over_the_limit_or_without_a_header_is_refused() {
		byte[] big = "id,name,born\nE-1,Smith,1980-01-02\n".repeat(100).getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> read(big, 1000)).isInstanceOf(CensusImportException.class)
			.extracting("messageKey")
			.isEqualTo("census.error.too-large");
		assertThatThrownBy(() -> new CensusCsv(new ByteArrayInputStream(new byte[0]), 100).header())
			.isInstanceOf(CensusImportException.class)
			.extracting("messageKey")
			.isEqualTo("census.error.empty");
	}

	private static List<CensusCsv.Row> read(String text) {
		return read(text.getBytes(StandardCharsets.UTF_8), 1_000_000);
	}

	private static List<CensusCsv.Row> read(byte[] bytes, long max) {
		List<CensusCsv.Row> rows = new ArrayList<>();
		CensusCsv csv = new CensusCsv(new ByteArrayInputStream(bytes), max);
		rows.add(csv.header());
		for (var row = csv.next(); row.isPresent(); row = csv.next()) {
			rows.add(row.get());
		}
		return rows;
	}

}
