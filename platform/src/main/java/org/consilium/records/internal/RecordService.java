package org.consilium.records.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import javax.crypto.SecretKey;

import org.consilium.audit.AuditEntry;
import org.consilium.audit.AuditLog;
import org.consilium.cases.CaseAccess;
import org.consilium.cases.CaseActivity;
import org.consilium.cases.CaseId;
import org.consilium.identity.ConsiliumUser;
import org.consilium.identity.CurrentUser;
import org.consilium.records.NewRecord;
import org.consilium.records.RecordContent;
import org.consilium.records.RecordIntegrityException;
import org.consilium.records.RecordNotFoundException;
import org.consilium.records.RecordRejectedException;
import org.consilium.records.RecordRejectedException.Reason;
import org.consilium.records.RecordSource;
import org.consilium.records.RecordStore;
import org.consilium.records.RecordSummary;
import org.consilium.records.Records;
import org.consilium.records.TranslationTask;
import org.consilium.tenant.TenantContext;
import org.consilium.tenant.TenantId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records as {@link Records} describes them. Uploads stream outside any database
 * transaction (they may take minutes); the row, its audit entry and its timeline event
 * are written together in one short transaction at the end, and the stored bytes are
 * removed if that fails.
 */
@Service
class RecordService implements Records {

	private static final Logger log = LoggerFactory.getLogger(RecordService.class);

	private final CaseAccess access;

	private final CaseRecordRepository records;

	private final RecordStore store;

	private final TenantDataKeys keys;

	private final ZipInspector zips;

	private final RecordsProperties properties;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final TransactionTemplate separate;

	private final Clock clock;

	RecordService(CaseAccess access, CaseRecordRepository records, RecordStore store, TenantDataKeys keys,
			ZipInspector zips, RecordsProperties properties, AuditLog audit, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.access = access;
		this.records = records;
		this.store = store;
		this.keys = keys;
		this.zips = zips;
		this.properties = properties;
		this.audit = audit;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		this.separate = new TransactionTemplate(transactionManager);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	@Override
	public RecordSummary upload(CaseId caseId, NewRecord meta, InputStream content) {
		ConsiliumUser user = CurrentUser.require();
		this.access.requireContribute(caseId);
		TenantId tenant = TenantContext.current();
		UUID id = UUID.randomUUID();
		String key = tenant.value() + "/" + caseId.value() + "/" + id;
		String fileName = FileNames.sanitise(meta.fileName());
		try {
			long quota = this.properties.caseQuota().toBytes();
			long quotaLeft = quota - inTransaction(() -> this.records.totalSize(caseId.value()));
			long cap = this.properties.maxFileSize().toBytes();
			boolean quotaIsTheLimit = quotaLeft < cap;
			Reason limitReason = quotaIsTheLimit ? Reason.QUOTA_EXCEEDED : Reason.TOO_LARGE;
			String limitText = Sizes.format(quotaIsTheLimit ? quota : cap);
			if (quotaLeft <= 0) {
				throw new RecordRejectedException(limitReason, limitText);
			}
			SecretKey tenantKey = this.keys.current();
			RecordIntake.Received received = RecordIntake.receive(content, fileName, this.store, key, tenantKey,
					Math.min(cap, quotaLeft), limitReason, limitText);
			try {
				RecordAnalysis.Facts facts = RecordAnalysis.analyse(received.type(), () -> decrypted(key, tenantKey),
						this.zips);
				return inTransaction(() -> {
					if (this.records.totalSize(caseId.value()) + received.size() > quota) {
						throw new RecordRejectedException(Reason.QUOTA_EXCEEDED, Sizes.format(quota));
					}
					CaseRecord record = this.records.save(new CaseRecord(id, caseId, meta, RecordSource.of(user),
							fileName, key, received, facts, user.id(), user.displayName(), this.clock.instant()));
					this.audit.record(AuditEntry.of("RECORD_UPLOADED")
						.subject("record", id)
						.details("case " + caseId + ", " + received.type().mediaType() + ", " + received.size()
								+ " bytes, sha256 " + received.sha256()));
					this.events.publishEvent(new CaseActivity(caseId,
							meta.needsTranslation() ? "record-uploaded-translation" : "record-uploaded",
							Map.of("file", fileName, "language", meta.language())));
					return record.summary();
				});
			}
			catch (RuntimeException ex) {
				discard(key);
				throw ex;
			}
		}
		catch (RecordRejectedException ex) {
			auditSeparately(AuditEntry.of("RECORD_REFUSED").subject("case", caseId).details(ex.reason().name()));
			throw ex;
		}
	}

	@Override
	public List<RecordSummary> list(CaseId caseId) {
		this.access.requireRead(caseId);
		return inTransaction(() -> this.records.findByCaseIdOrderByUploadedAtAsc(caseId.value())
			.stream()
			.map(CaseRecord::summary)
			.toList());
	}

	@Override
	public RecordContent open(CaseId caseId, UUID recordId, Purpose purpose) {
		this.access.requireRead(caseId);
		TenantId tenant = TenantContext.current();
		CaseRecord record = inTransaction(() -> {
			CaseRecord found = this.records.findByIdAndCaseId(recordId, caseId.value())
				.orElseThrow(() -> new RecordNotFoundException(recordId));
			this.audit.record(AuditEntry.of((purpose == Purpose.VIEW) ? "RECORD_VIEWED" : "RECORD_DOWNLOADED")
				.subject("record", recordId)
				.details("case " + caseId));
			return found;
		});
		java.util.function.Consumer<String> onFailure = (detail) -> TenantContext.runAs(tenant,
				() -> integrityFailed(recordId, caseId, detail));
		SeekableByteChannel channel;
		try {
			channel = decrypted(record.storageKey(), this.keys.current());
		}
		catch (ChunkedGcm.TamperedException ex) {
			onFailure.accept(ex.getMessage());
			throw new UncheckedIOException(new RecordIntegrityException(recordId, ex.getMessage()));
		}
		catch (IOException ex) {
			onFailure.accept("stored file unreadable: " + ex.getClass().getSimpleName());
			throw new UncheckedIOException(new RecordIntegrityException(recordId, "stored file unreadable"));
		}
		InputStream stream = new VerifyingInputStream(Channels.newInputStream(channel), recordId, record.sha256(),
				onFailure);
		return new RecordContent(record.summary(), stream);
	}

	@Override
	public List<TranslationTask> translationTasks() {
		List<CaseRecord> waiting = inTransaction(this.records::awaitingTranslation);
		return waiting.stream()
			.map((record) -> new TranslationTask(record.id(), record.caseId(),
					this.access.requireRead(record.caseId()).reference(), record.fileName(), record.language(),
					record.uploadedAt()))
			.toList();
	}

	@Override
	public void markTranslated(CaseId caseId, UUID recordId) {
		this.access.requireRead(caseId);
		ConsiliumUser user = CurrentUser.require();
		this.transactions.executeWithoutResult((status) -> {
			CaseRecord record = this.records.findByIdAndCaseId(recordId, caseId.value())
				.orElseThrow(() -> new RecordNotFoundException(recordId));
			if (record.awaitsTranslation()) {
				record.markTranslated(user.id(), this.clock.instant());
				this.audit.record(AuditEntry.of("RECORD_TRANSLATED").subject("record", recordId));
				this.events
					.publishEvent(new CaseActivity(caseId, "record-translated", Map.of("file", record.fileName())));
			}
		});
	}

	private SeekableByteChannel decrypted(String key, SecretKey tenantKey) throws IOException {
		return DecryptingChannel.open(this.store.open(key), tenantKey, key);
	}

	private void integrityFailed(UUID recordId, CaseId caseId, String detail) {
		log.error("Record {} of case {} failed its integrity check: {}", recordId, caseId, detail);
		auditSeparately(AuditEntry.of("RECORD_INTEGRITY_FAILED").subject("record", recordId).details(detail));
	}

	private void auditSeparately(AuditEntry entry) {
		try {
			this.separate.executeWithoutResult((status) -> this.audit.record(entry));
		}
		catch (RuntimeException ex) {
			log.error("Could not audit {}", entry, ex);
		}
	}

	private void discard(String key) {
		try {
			this.store.delete(key);
		}
		catch (IOException | RuntimeException ex) {
			log.error("Could not remove the refused record {}", key, ex);
		}
	}

	private <T> T inTransaction(Supplier<T> work) {
		return this.transactions.execute((status) -> work.get());
	}

}
