package org.consilium.records.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.regex.Pattern;

import org.consilium.records.RecordStore;

/**
 * Records as files under one directory: {@code <tenant>/<case>/<record>}. An object is
 * written to a {@code .part} file beside its final name and moved into place atomically
 * on commit, so a crash or a refused upload never leaves a half-written record under a
 * real key; an abandoned part is deleted when its writer is closed.
 */
class LocalDirectoryRecordStore implements RecordStore {

	private static final Pattern KEY = Pattern.compile("[a-z0-9-]+(/[a-z0-9-]+)*");

	private final Path root;

	LocalDirectoryRecordStore(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	Path root() {
		return this.root;
	}

	@Override
	public Pending create(String key) throws IOException {
		Path target = resolve(key);
		Files.createDirectories(target.getParent());
		Path part = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + ".part");
		OutputStream output = new BufferedOutputStream(
				Files.newOutputStream(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 64 * 1024);
		return new Pending() {

			private boolean committed;

			private boolean closed;

			@Override
			public OutputStream output() {
				return output;
			}

			@Override
			public void commit() throws IOException {
				output.close();
				Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
				this.committed = true;
			}

			@Override
			public void close() throws IOException {
				if (this.closed) {
					return;
				}
				this.closed = true;
				if (!this.committed) {
					try {
						output.close();
					}
					finally {
						Files.deleteIfExists(part);
					}
				}
			}

		};
	}

	@Override
	public SeekableByteChannel open(String key) throws IOException {
		return Files.newByteChannel(resolve(key), StandardOpenOption.READ);
	}

	@Override
	public void delete(String key) throws IOException {
		try {
			Files.deleteIfExists(resolve(key));
		}
		catch (NoSuchFileException ex) {
			// already gone
		}
	}

	@Override
	public boolean exists(String key) {
		return Files.exists(resolve(key));
	}

	/** Keys are checked, so no key can name a file outside the root. */
	Path resolve(String key) {
		if (key == null || !KEY.matcher(key).matches()) {
			throw new IllegalArgumentException("Not a record key: " + key);
		}
		Path path = this.root.resolve(key).normalize();
		if (!path.startsWith(this.root)) {
			throw new IllegalArgumentException("Not a record key: " + key);
		}
		return path;
	}

}
