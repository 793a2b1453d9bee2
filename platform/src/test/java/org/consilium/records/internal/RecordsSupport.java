package org.consilium.records.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.consilium.cases.CaseDetails;
import org.consilium.cases.Cases;
import org.consilium.identity.ConsiliumUser;
import org.consilium.records.NewRecord;
import org.consilium.records.RecordKind;
import org.consilium.records.RecordSummary;
import org.consilium.records.Records;
import org.consilium.support.TestDatabase;
import org.consilium.support.Users;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;

/**
 * Shared moves of the record tests: a case to upload into, what is stored and audited.
 */
final class RecordsSupport {

	private RecordsSupport() {
	}

	static CaseDetails openCase(Cases cases, TenantId tenant, ConsiliumUser patient) {
		return TenantContext.callAs(tenant,
				() -> Users.as(patient, () -> cases.openDraft("cardiology", "Please review my records")));
	}

	static RecordSummary upload(Records records, TenantId tenant, ConsiliumUser user, CaseDetails medicalCase,
			String fileName, byte[] bytes) {
		return upload(records, tenant, user, medicalCase, new NewRecord(RecordKind.MEDICAL_RECORD, "en", fileName),
				new ByteArrayInputStream(bytes));
	}

	static RecordSummary upload(Records records, TenantId tenant, ConsiliumUser user, CaseDetails medicalCase,
			NewRecord meta, InputStream content) {
		return TenantContext.callAs(tenant,
				() -> Users.as(user, () -> records.upload(medicalCase.id(), meta, content)));
	}

	/** Every file under the case's folder of the store, parts included. */
	static List<Path> storedFiles(RecordsProperties properties, TenantId tenant, CaseDetails medicalCase) {
		Path folder = properties.directory().resolve(tenant.value()).resolve(medicalCase.id().toString());
		if (!Files.exists(folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static long rows(TenantId tenant, CaseDetails medicalCase) {
		return TestDatabase.get()
			.adminJdbc()
			.queryForObject("select count(*) from case_record where tenant_id = ? and case_id = ?", Long.class,
					tenant.value(), medicalCase.id().value());
	}

	static List<String> auditActions(TenantId tenant, String subjectId) {
		return TestDatabase.get()
			.adminJdbc()
			.queryForList("select action from audit_event where tenant_id = ? and subject_id = ? order by seq",
					String.class, tenant.value(), subjectId);
	}

	/**
	 * A stream of the given length that starts like a JPEG and counts what was read of
	 * it.
	 */
	static final class EndlessJpeg extends InputStream {

		private final long length;

		long read;

		EndlessJpeg(long length) {
			this.length = length;
		}

		@Override
		public int read() {
			if (this.read >= this.length) {
				return -1;
			}
			long position = this.read++;
			return (position == 0) ? 0xFF : (position == 1) ? 0xD8 : (position == 2) ? 0xFF : 0;
		}

		@Override
		public int read(byte[] bytes, int offset, int length) {
			if (this.read >= this.length) {
				return -1;
			}
			int n = (int) Math.min(length, this.length - this.read);
			for (int i = 0; i < n; i++) {
				bytes[offset + i] = (byte) read();
			}
			return n;
		}

	}

}
