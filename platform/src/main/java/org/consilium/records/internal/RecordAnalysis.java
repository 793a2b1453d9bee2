package org.consilium.records.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;

import org.consilium.records.RecordSummary.DicomInfo;

/**
 * What is learnt from a stored record before it is accepted, reading it decrypted in
 * place: a PDF's pages, a DICOM file's header, an archive's inspection and image count.
 */
final class RecordAnalysis {

	private RecordAnalysis() {
	}

	interface Opener {

		SeekableByteChannel open() throws IOException;

	}

	static Facts analyse(ContentType type, Opener record, ZipInspector zips) {
		try {
			return switch (type) {
				case PDF -> new Facts(PdfPages.count(record.open()), null, null);
				case JPEG, PNG, TIFF -> new Facts(null, 1, null);
				case DICOM -> {
					try (SeekableByteChannel channel = record.open();
							InputStream in = Channels.newInputStream(channel)) {
						DicomInfo info = DicomHeader.read(new java.io.BufferedInputStream(in));
						yield new Facts(null, 1, info);
					}
				}
				case ZIP -> {
					try (SeekableByteChannel channel = record.open()) {
						yield new Facts(null, zips.inspect(channel), null);
					}
				}
			};
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Pages of a PDF, images of an image, DICOM file or archive, DICOM details. */
	record Facts(Integer pages, Integer images, DicomInfo dicom) {
	}

}
