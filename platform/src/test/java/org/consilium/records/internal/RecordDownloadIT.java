package org.consilium.records.internal;

import java.io.IOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.consilium.cases.CaseSummary;
import org.consilium.cases.Cases;
import org.consilium.identity.ConsiliumUser;
import org.consilium.records.NewRecord;
import org.consilium.records.RecordKind;
import org.consilium.records.RecordSource;
import org.consilium.records.RecordSummary;
import org.consilium.records.Records;
import org.consilium.records.TestFiles;
import org.consilium.support.RunningApplicationTest;
import org.consilium.support.TestDatabase;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The download link on the tenant's site over real HTTP, signed in through the form as
 * the demo patient: an attachment with an RFC 6266 name and {@code nosniff}, an inline
 * view, the same link refused (404) on another tenant's site and to a user not on the
 * case, and a tampered record answered with an error instead of its bytes.
 */
@RunningApplicationTest
class RecordDownloadIT {

	static final TenantId PUBLIC = TenantId.of("public");

	static final ConsiliumUser COORDINATOR = Users.user("public", "download-coordinator", Role.CASE_COORDINATOR);

	@LocalServerPort
	int port;

	@Autowired
	Cases cases;

	@Autowired
	Records records;

	@Autowired
	RecordsProperties properties;

	HttpClient http;

	CaseSummary demoCase;

	@BeforeEach
	void findTheDemoPatientsCase() {
		this.http = HttpClient.newBuilder()
			.proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", this.port)))
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.demoCase = TenantContext.callAs(PUBLIC, () -> Users.as(COORDINATOR, () -> this.cases.list()))
			.stream()
			// The draft: in the dev demo the demo doctor has joined the submitted case.
			.filter((c) -> c.patientName().equals("Pat Morgan") && c.status() == org.consilium.cases.CaseStatus.DRAFT)
			.findFirst()
			.orElseThrow();
	}

	@Test
	void the_patient_downloads_and_views_with_safe_headers_and_each_read_is_audited() throws Exception {
		byte[] pdf = TestFiles.pdf(1);
		// Quotes in the name are replaced when it is stored; the rest is sent as UTF-8.
		RecordSummary stored = upload("scan \"1\" ü.pdf", pdf);
		assertThat(stored.source()).isEqualTo(RecordSource.STAFF);
		signIn("public", "patient@public.example");
		HttpResponse<byte[]> download = get("public", stored, false);
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body()).isEqualTo(pdf);
		assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(download.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith("attachment;")
				.contains("filename*=UTF-8''scan%20_1_%20%C3%BC.pdf"));
		HttpResponse<byte[]> view = get("public", stored, true);
		assertThat(view.statusCode()).isEqualTo(200);
		assertThat(view.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith("inline;"));
		assertThat(view.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(RecordsSupport.auditActions(PUBLIC, stored.id().toString())).containsExactly("RECORD_UPLOADED",
				"RECORD_DOWNLOADED", "RECORD_VIEWED");
	}

	@Test
	void the_link_is_not_found_on_another_tenants_site_or_for_a_user_not_on_the_case() throws Exception {
		RecordSummary stored = upload("a.png", TestFiles.image("png"));
		signIn("globex", "patient@globex.example");
		assertThat(get("globex", stored, false).statusCode()).isEqualTo(404);
		signIn("public", "doctor@public.example");
		assertThat(get("public", stored, false).statusCode()).isEqualTo(404);
		assertThat(RecordsSupport.auditActions(PUBLIC, stored.id().toString())).containsExactly("RECORD_UPLOADED");
	}

	@Test
	void a_tampered_record_is_answered_with_an_error_not_its_bytes() throws Exception {
		RecordSummary stored = upload("b.png", TestFiles.image("png"));
		Path file = this.properties.directory()
			.resolve("public")
			.resolve(this.demoCase.id().toString())
			.resolve(stored.id().toString());
		byte[] bytes = Files.readAllBytes(file);
		bytes[bytes.length - 1] ^= 0x01;
		Files.write(file, bytes);
		signIn("public", "patient@public.example");
		HttpResponse<byte[]> response = get("public", stored, false);
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(new String(response.body(), StandardCharsets.ISO_8859_1)).doesNotContain("PNG")
			.doesNotContain("IHDR");
		assertThat(RecordsSupport.auditActions(PUBLIC, stored.id().toString())).contains("RECORD_INTEGRITY_FAILED");
		assertThat(TestDatabase.get()
			.adminJdbc()
			.queryForObject("select count(*) from case_record where id = ?", Long.class, stored.id())).isEqualTo(1);
	}

	private RecordSummary upload(String name, byte[] bytes) {
		return TenantContext.callAs(PUBLIC, () -> Users.as(COORDINATOR, () -> this.records.upload(this.demoCase.id(),
				new NewRecord(RecordKind.MEDICAL_RECORD, "en", name), new java.io.ByteArrayInputStream(bytes))));
	}

	private void signIn(String site, String username) throws IOException, InterruptedException {
		this.http = HttpClient.newBuilder()
			.proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", this.port)))
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.http.send(HttpRequest.newBuilder(URI.create(url(site) + "login")).GET().build(),
				HttpResponse.BodyHandlers.discarding());
		String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=consilium-demo";
		HttpResponse<Void> response = this.http.send(HttpRequest.newBuilder(URI.create(url(site) + "login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(response.statusCode()).as("sign-in of " + username).isEqualTo(302);
	}

	private HttpResponse<byte[]> get(String site, RecordSummary record, boolean inline)
			throws IOException, InterruptedException {
		return this.http.send(HttpRequest
			.newBuilder(URI.create(url(site) + "cases/" + this.demoCase.reference().value() + "/records/" + record.id()
					+ "/content" + (inline ? "?inline=true" : "")))
			.GET()
			.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String url(String site) {
		return "http://" + site + ".localhost/";
	}

}
