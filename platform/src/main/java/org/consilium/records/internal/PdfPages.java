package org.consilium.records.internal;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.consilium.records.RecordRejectedException;
import org.consilium.records.RecordRejectedException.Reason;

/** Counts a PDF's pages with PDFBox, reading the record in place. */
final class PdfPages {

	private PdfPages() {
	}

	/**
	 * @throws RecordRejectedException if PDFBox cannot read it (damaged, password)
	 */
	static int count(SeekableByteChannel pdf) {
		try (PDDocument document = Loader.loadPDF(new ChannelRandomAccessRead(pdf))) {
			return document.getNumberOfPages();
		}
		catch (IOException | RuntimeException ex) {
			throw new RecordRejectedException(Reason.PDF_UNREADABLE);
		}
	}

}
