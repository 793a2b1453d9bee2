package org.consilium.records.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.util.Collections;
import java.util.List;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.consilium.records.RecordRejectedException;
import org.consilium.records.RecordRejectedException.Reason;

/**
 * Checks a zip archive in place, before it is accepted and without extracting anything to
 * disk: the entry count from the end-of-central-directory record before the directory is
 * read (so a directory of a million entries is not loaded), every name (no absolute
 * paths, no {@code ..}), no links, no encryption, every entry's type by its content, and
 * the unpacked size and ratio counted while inflating, never trusted from the headers.
 * Finder's {@code __MACOSX/} and {@code .DS_Store} entries are ignored.
 */
final class ZipInspector {

	private static final int EOCD = 0x06054b50;

	private static final int ZIP64_LOCATOR = 0x07064b50;

	/** Central directory bytes allowed per entry (46-byte header, name, extras). */
	private static final long DIRECTORY_BYTES_PER_ENTRY = 1024;

	private final int maxEntries;

	private final long maxUnpacked;

	private final int maxRatio;

	ZipInspector(int maxEntries, long maxUnpacked, int maxRatio) {
		this.maxEntries = maxEntries;
		this.maxUnpacked = maxUnpacked;
		this.maxRatio = maxRatio;
	}

	/**
	 * @return how many images (JPEG, PNG, TIFF, DICOM) the archive holds
	 */
	int inspect(SeekableByteChannel archive) throws IOException {
		long size = archive.size();
		checkDirectorySize(archive, size);
		long unpackedLimit = Math.min(this.maxUnpacked, Math.max(size * this.maxRatio, 1024L * 1024));
		boolean ratioIsTheLimit = size * this.maxRatio < this.maxUnpacked;
		ZipFile zip;
		try {
			zip = ZipFile.builder().setSeekableByteChannel(archive).get();
		}
		catch (IOException ex) {
			throw new RecordRejectedException(Reason.ZIP_DAMAGED);
		}
		try (zip) {
			List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
			if (entries.size() > this.maxEntries) {
				throw tooMany();
			}
			long unpacked = 0;
			int images = 0;
			byte[] buffer = new byte[64 * 1024];
			for (ZipArchiveEntry entry : entries) {
				String name = entry.getName();
				checkName(name);
				if (entry.isUnixSymlink()) {
					throw new RecordRejectedException(Reason.ZIP_LINK, name);
				}
				if (entry.getGeneralPurposeBit().usesEncryption()) {
					throw new RecordRejectedException(Reason.ZIP_ENCRYPTED);
				}
				if (entry.isDirectory()) {
					continue;
				}
				if (!zip.canReadEntryData(entry)) {
					throw new RecordRejectedException(Reason.ZIP_DAMAGED);
				}
				byte[] head = new byte[ContentSniffer.HEAD];
				int headLength = 0;
				try (InputStream in = zip.getInputStream(entry)) {
					int n;
					while ((n = in.read(buffer)) > 0) {
						if (headLength < head.length) {
							int copy = Math.min(n, head.length - headLength);
							System.arraycopy(buffer, 0, head, headLength, copy);
							headLength += copy;
						}
						unpacked += n;
						if (unpacked > unpackedLimit) {
							throw ratioIsTheLimit ? new RecordRejectedException(Reason.ZIP_RATIO, "" + this.maxRatio)
									: new RecordRejectedException(Reason.ZIP_TOO_LARGE, Sizes.format(this.maxUnpacked));
						}
					}
				}
				catch (IOException ex) {
					throw new RecordRejectedException(Reason.ZIP_DAMAGED);
				}
				if (headLength == 0 || ignored(name)) {
					continue;
				}
				ContentType type = ContentSniffer.detect(head, headLength)
					.filter((t) -> t != ContentType.ZIP)
					.orElseThrow(() -> new RecordRejectedException(Reason.ZIP_ENTRY_TYPE, name));
				if (type.isImage()) {
					images++;
				}
			}
			return images;
		}
	}

	private static boolean ignored(String name) {
		return name.startsWith("__MACOSX/") || name.equals(".DS_Store") || name.endsWith("/.DS_Store");
	}

	static void checkName(String name) {
		String path = name.replace('\\', '/');
		boolean unsafe = path.isEmpty() || path.startsWith("/") || path.matches("^[A-Za-z]:.*")
				|| path.indexOf('\0') >= 0 || ("/" + path + "/").contains("/../");
		if (unsafe) {
			throw new RecordRejectedException(Reason.ZIP_UNSAFE_NAME, name.replaceAll("\\p{Cntrl}", "?"));
		}
	}

	/**
	 * Reads the entry count and directory size from the end record (or its Zip64 form)
	 * before the directory itself is parsed.
	 */
	private void checkDirectorySize(SeekableByteChannel archive, long size) throws IOException {
		int tailLength = (int) Math.min(size, 65_557);
		ByteBuffer tail = ByteBuffer.allocate(tailLength).order(ByteOrder.LITTLE_ENDIAN);
		archive.position(size - tailLength);
		while (tail.hasRemaining() && archive.read(tail) >= 0) {
			// fill
		}
		int eocd = -1;
		for (int i = tailLength - 22; i >= 0; i--) {
			if (tail.getInt(i) == EOCD) {
				eocd = i;
				break;
			}
		}
		if (eocd < 0) {
			throw new RecordRejectedException(Reason.ZIP_DAMAGED);
		}
		long entries = tail.getShort(eocd + 10) & 0xFFFFL;
		long directorySize = tail.getInt(eocd + 12) & 0xFFFFFFFFL;
		if ((entries == 0xFFFF || directorySize == 0xFFFFFFFFL) && eocd >= 20
				&& tail.getInt(eocd - 20) == ZIP64_LOCATOR) {
			long zip64Offset = tail.getLong(eocd - 20 + 8);
			if (zip64Offset < 0 || zip64Offset + 56 > size) {
				throw new RecordRejectedException(Reason.ZIP_DAMAGED);
			}
			ByteBuffer zip64 = ByteBuffer.allocate(56).order(ByteOrder.LITTLE_ENDIAN);
			archive.position(zip64Offset);
			while (zip64.hasRemaining() && archive.read(zip64) >= 0) {
				// fill
			}
			entries = zip64.getLong(32);
			directorySize = zip64.getLong(40);
		}
		archive.position(0);
		if (entries == 0) {
			throw new RecordRejectedException(Reason.EMPTY);
		}
		if (entries < 0 || entries > this.maxEntries || directorySize < 0
				|| directorySize > this.maxEntries * DIRECTORY_BYTES_PER_ENTRY) {
			throw tooMany();
		}
	}

	private RecordRejectedException tooMany() {
		return new RecordRejectedException(Reason.ZIP_TOO_MANY_ENTRIES, "" + this.maxEntries);
	}

}
