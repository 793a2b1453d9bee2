package org.consilium.audit.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.consilium.audit.AuditRecord;

/**
 * The chain's hash: SHA-256 over the previous hash and every field of the row, each field
 * length-prefixed so that no two different rows serialize alike.
 */
final class HashChain {

	static final String GENESIS = "0".repeat(64);

	private HashChain() {
	}

	static String hash(AuditRecord row) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (String field : new String[] { row.prevHash(), row.tenantId(), Long.toString(row.seq()),
					row.occurredAt().toString(), row.actor(), row.action(), row.subjectType(), row.subjectId(),
					row.sourceIp(), row.userAgent(), row.details() }) {
				if (field == null) {
					digest.update(ByteBuffer.allocate(4).putInt(-1).array());
				}
				else {
					byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
					digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
					digest.update(bytes);
				}
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
