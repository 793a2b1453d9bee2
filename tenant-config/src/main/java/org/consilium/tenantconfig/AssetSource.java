package org.consilium.tenantconfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the files a tenant file refers to (logo, favicon, IdP metadata) are read from: a
 * directory when loading from disk, the database when the platform reloads stored config.
 */
@FunctionalInterface
public interface AssetSource {

	/**
	 * Largest asset accepted; logos and metadata are small, anything bigger is a mistake.
	 */
	int MAX_BYTES = 512 * 1024;

	/**
	 * The asset's bytes, or empty if there is no such asset.
	 * @throws AssetTooLargeException if it exceeds {@link #MAX_BYTES}
	 */
	Optional<byte[]> read(String relativePath);

	static AssetSource none() {
		return (path) -> Optional.empty();
	}

	static AssetSource of(Map<String, byte[]> assets) {
		Map<String, byte[]> copy = Map.copyOf(assets);
		return (path) -> Optional.ofNullable(copy.get(path)).map((bytes) -> {
			if (bytes.length > MAX_BYTES) {
				throw new AssetTooLargeException(bytes.length);
			}
			return bytes;
		});
	}

	/**
	 * Reads assets below a directory, refusing to leave it (no {@code ..}, no symbolic
	 * links out).
	 */
	static AssetSource directory(Path directory) {
		Path root = directory.toAbsolutePath().normalize();
		return (relativePath) -> {
			Path file = root.resolve(relativePath).normalize();
			if (!file.startsWith(root) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
				return Optional.empty();
			}
			try {
				long size = Files.size(file);
				if (size > MAX_BYTES) {
					throw new AssetTooLargeException(size);
				}
				try (InputStream in = Files.newInputStream(file)) {
					return Optional.of(in.readNBytes(MAX_BYTES + 1));
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		};
	}

	/** Thrown by a source when an asset is larger than {@link #MAX_BYTES}. */
	class AssetTooLargeException extends RuntimeException {

		private final long size;

		public AssetTooLargeException(long size) {
			super("asset of " + size + " bytes exceeds " + MAX_BYTES);
			this.size = size;
		}

		public long size() {
			return this.size;
		}

	}

}
