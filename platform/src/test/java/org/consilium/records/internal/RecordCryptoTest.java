package org.consilium.records.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.SecretKey;

import org.consilium.tenant.TenantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The at-rest format: round trips at chunk edges, random access, tampering, wrong keys.
 */
class RecordCryptoTest {

	@TempDir
	Path directory;

	final SecretKey tenantKey = MasterKey.newDataKey();

	@Test
	void round_trips_at_every_chunk_edge_and_reads_randomly() throws IOException {
		for (int size : new int[] { 1, ChunkedGcm.CHUNK - 1, ChunkedGcm.CHUNK, ChunkedGcm.CHUNK + 1,
				3 * ChunkedGcm.CHUNK, 3 * ChunkedGcm.CHUNK + 17 }) {
			byte[] plain = random(size);
			byte[] sealed = seal(plain, "public/c/r");
			assertThat(ChunkedGcm.plainSize(sealed.length)).isEqualTo(size);
			try (SeekableByteChannel channel = open(sealed, "public/c/r")) {
				assertThat(Channels.newInputStream(channel).readAllBytes()).isEqualTo(plain);
				channel.position(size / 2);
				ByteBuffer buffer = ByteBuffer.allocate(size - size / 2);
				while (buffer.hasRemaining() && channel.read(buffer) > 0) {
					// fill
				}
				assertThat(buffer.array()).isEqualTo(Arrays.copyOfRange(plain, size / 2, size));
			}
		}
	}

	@Test
	void stored_bytes_are_not_the_plaintext() {
		byte[] plain = "%PDF-1.7 a very recognisable record text".repeat(100).getBytes();
		byte[] sealed = seal(plain, "public/c/r");
		assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("recognisable");
	}

	@Test
	void a_changed_byte_a_cut_file_another_key_or_another_object_key_do_not_open() throws IOException {
		byte[] plain = random(2 * ChunkedGcm.CHUNK + 5);
		byte[] sealed = seal(plain, "public/c/r");
		byte[] changed = sealed.clone();
		changed[ChunkedGcm.HEADER + ChunkedGcm.CHUNK + 100] ^= 1;
		try (SeekableByteChannel channel = open(changed, "public/c/r")) {
			InputStream in = Channels.newInputStream(channel);
			assertThatThrownBy(in::readAllBytes).isInstanceOf(ChunkedGcm.TamperedException.class);
		}
		byte[] cut = Arrays.copyOf(sealed, ChunkedGcm.HEADER + ChunkedGcm.SEALED_CHUNK);
		try (SeekableByteChannel channel = open(cut, "public/c/r")) {
			InputStream in = Channels.newInputStream(channel);
			assertThatThrownBy(in::readAllBytes).isInstanceOf(ChunkedGcm.TamperedException.class);
		}
		assertThatThrownBy(() -> open(sealed, "public/c/other")).isInstanceOf(ChunkedGcm.TamperedException.class);
		Path file = this.directory.resolve("x");
		Files.write(file, sealed);
		assertThatThrownBy(
				() -> DecryptingChannel.open(Files.newByteChannel(file), MasterKey.newDataKey(), "public/c/r"))
			.isInstanceOf(ChunkedGcm.TamperedException.class);
	}

	@Test
	void a_wrapped_data_key_opens_only_for_its_tenant_and_master_key() {
		byte[] master = new byte[32];
		new SecureRandom().nextBytes(master);
		MasterKey key = new MasterKey(master);
		String wrapped = key.wrap(this.tenantKey, TenantId.of("public"));
		assertThat(key.unwrap(wrapped, TenantId.of("public")).getEncoded()).isEqualTo(this.tenantKey.getEncoded());
		assertThatThrownBy(() -> key.unwrap(wrapped, TenantId.of("globex"))).isInstanceOf(IllegalStateException.class);
		byte[] other = new byte[32];
		new SecureRandom().nextBytes(other);
		assertThatThrownBy(() -> new MasterKey(other).unwrap(wrapped, TenantId.of("public")))
			.isInstanceOf(IllegalStateException.class);
		assertThat(MasterKey.fromConfiguration("", java.util.Base64.getEncoder().encodeToString(master))
			.wrap(this.tenantKey, TenantId.of("public"))).startsWith("v1:");
	}

	private byte[] seal(byte[] plain, String objectKey) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (EncryptingOutputStream encrypting = new EncryptingOutputStream(out,
				ChunkedGcm.newHeader(this.tenantKey, objectKey))) {
			// odd write sizes cross chunk borders
			for (int i = 0; i < plain.length; i += 7777) {
				encrypting.write(plain, i, Math.min(7777, plain.length - i));
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

	private SeekableByteChannel open(byte[] sealed, String objectKey) throws IOException {
		Path file = Files.createTempFile(this.directory, "sealed", ".rec");
		Files.write(file, sealed);
		return DecryptingChannel.open(Files.newByteChannel(file), this.tenantKey, objectKey);
	}

	private static byte[] random(int size) {
		byte[] bytes = new byte[size];
		new SecureRandom().nextBytes(bytes);
		return bytes;
	}

}
