package org.consilium.records.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.consilium.cases.CaseDetails;
import org.consilium.cases.Cases;
import org.consilium.identity.ConsiliumUser;
import org.consilium.records.RecordSummary;
import org.consilium.records.Records;
import org.consilium.records.TestFiles;
import org.consilium.support.IntegrationTest;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.consilium.tenantconfig.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Records through the REST API: the streamed multipart upload (201, 413, 422), and
 * another tenant's or another patient's record reachable by no API call, no service call
 * and no native SQL.
 */
@IntegrationTest
class RecordHttpIT {

	static final TenantId PUBLIC = TenantId.of("public");

	static final TenantId GLOBEX = TenantId.of("globex");

	static final ConsiliumUser PATIENT = Users.user("public", "http-patient", Role.PATIENT);

	static final ConsiliumUser OTHER_PATIENT = Users.user("public", "http-other-patient", Role.PATIENT);

	static final ConsiliumUser GLOBEX_COORDINATOR = Users.user("globex", "http-coordinator", Role.CASE_COORDINATOR);

	static final String BOUNDARY = "----consilium-test-boundary";

	@Autowired
	MockMvc mvc;

	@Autowired
	Cases cases;

	@Autowired
	Records records;

	@Autowired
	RecordsProperties properties;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	CaseDetails medicalCase;

	@BeforeEach
	void openCase() {
		this.medicalCase = RecordsSupport.openCase(this.cases, PUBLIC, PATIENT);
	}

	@Test
	void the_api_streams_a_multipart_upload_into_the_case() throws Exception {
		this.mvc
			.perform(upload(PUBLIC, PATIENT, "RADIOLOGY", "en", "IM0001.dcm",
					TestFiles.dicom("MR", "20240315", "Knee MRI")))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.fileName").value("IM0001.dcm"))
			.andExpect(jsonPath("$.mediaType").value("application/dicom"))
			.andExpect(jsonPath("$.modality").value("MR"))
			.andExpect(jsonPath("$.studyDate").value("2024-03-15"))
			.andExpect(jsonPath("$.source").value("PATIENT"));
		this.mvc
			.perform(get("/api/v1/cases/{reference}/records", this.medicalCase.reference().value()).with(site(PUBLIC))
				.with(authentication(Users.authentication(PATIENT))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].studyDescription").value("Knee MRI"));
	}

	@Test
	void the_api_answers_413_for_an_oversized_file_and_422_for_a_lying_one() throws Exception {
		byte[] big = new byte[4 * 1024 * 1024];
		big[0] = (byte) 0xFF;
		big[1] = (byte) 0xD8;
		big[2] = (byte) 0xFF;
		this.mvc.perform(upload(PUBLIC, PATIENT, "RADIOLOGY", "en", "big.jpg", big))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.code").value("TOO_LARGE"))
			.andExpect(jsonPath("$.detail").value("The file is larger than the limit of 3 MiB."));
		this.mvc.perform(upload(PUBLIC, PATIENT, "MEDICAL_RECORD", "en", "letter.pdf", TestFiles.image("png")))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.code").value("EXTENSION_MISMATCH"))
			.andExpect(jsonPath("$.detail").value("The file is named as PDF but its content is PNG."));
		this.mvc.perform(upload(PUBLIC, PATIENT, "MEDICAL_RECORD", "en", "empty.pdf", new byte[0]))
			.andExpect(status().isUnprocessableEntity())
			.andExpect(jsonPath("$.code").value("EMPTY"));
		assertThat(RecordsSupport.rows(PUBLIC, this.medicalCase)).isZero();
		assertThat(RecordsSupport.storedFiles(this.properties, PUBLIC, this.medicalCase)).isEmpty();
	}

	@Test
	void another_tenant_or_another_patient_reaches_the_record_by_no_api_call_service_or_sql() throws Exception {
		RecordSummary stored = RecordsSupport.upload(this.records, PUBLIC, PATIENT, this.medicalCase, "a.pdf",
				TestFiles.pdf(1));
		String reference = this.medicalCase.reference().value();
		this.mvc
			.perform(get("/api/v1/cases/{reference}/records", reference).with(site(PUBLIC))
				.with(authentication(Users.authentication(PATIENT))))
			.andExpect(status().isOk());
		this.mvc
			.perform(get("/api/v1/cases/{reference}/records", reference).with(site(PUBLIC))
				.with(authentication(Users.authentication(OTHER_PATIENT))))
			.andExpect(status().isNotFound());
		// the REST API on another tenant's site (the download link: RecordDownloadIT)
		this.mvc
			.perform(get("/api/v1/cases/{reference}/records", reference).with(site(GLOBEX))
				.with(authentication(Users.authentication(GLOBEX_COORDINATOR))))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.title").value("Case not found"));
		this.mvc.perform(upload(GLOBEX, GLOBEX_COORDINATOR, "MEDICAL_RECORD", "en", "x.pdf", TestFiles.pdf(1)))
			.andExpect(status().isNotFound());
		// the service, by ids
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> TenantContext.callAs(GLOBEX,
					() -> Users.as(GLOBEX_COORDINATOR,
							() -> this.records.open(this.medicalCase.id(), stored.id(), Records.Purpose.DOWNLOAD))))
			.isInstanceOf(org.consilium.cases.CaseNotFoundException.class);
		// native SQL as the application role: row-level security alone
		String sql = "select count(*) from case_record where id = ?";
		assertThat(inTransaction(PUBLIC, () -> this.jdbc.queryForObject(sql, Long.class, stored.id()))).isEqualTo(1);
		assertThat(inTransaction(GLOBEX, () -> this.jdbc.queryForObject(sql, Long.class, stored.id()))).isZero();
		assertThat(inTransaction(GLOBEX,
				() -> this.jdbc.update("update case_record set file_name = 'x' where id = ?", stored.id())))
			.isZero();
		assertThat(
				inTransaction(GLOBEX,
						() -> this.jdbc.queryForObject(
								"select count(*) from record_data_key where tenant_id = 'public'", Long.class)))
			.isZero();
	}

	private MockHttpServletRequestBuilder upload(TenantId tenant, ConsiliumUser user, String kind, String language,
			String fileName, byte[] file) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		field(body, "kind", kind);
		field(body, "language", language);
		body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(file);
		body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return post("/api/v1/cases/{reference}/records", this.medicalCase.reference().value()).with(site(tenant))
			.with(authentication(Users.authentication(user)))
			.with(csrf())
			.contentType("multipart/form-data; boundary=" + BOUNDARY)
			.content(body.toByteArray());
	}

	private static void field(ByteArrayOutputStream body, String name, String value) {
		body.writeBytes(
				("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
					.getBytes(StandardCharsets.UTF_8));
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor site(TenantId tenant) {
		return (request) -> {
			request.setServerName(tenant.value() + ".localhost");
			return request;
		};
	}

	private <T> T inTransaction(TenantId tenant, java.util.function.Supplier<T> work) {
		return TenantContext.callAs(tenant,
				() -> new TransactionTemplate(this.transactionManager).execute((status) -> work.get()));
	}

}
