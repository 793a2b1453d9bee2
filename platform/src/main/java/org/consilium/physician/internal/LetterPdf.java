package org.consilium.physician.internal;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Lays out a letter on US Letter pages with PDFBox: a band in the programme's colour with
 * its name (and its logo when it is a PNG or JPEG; SVG logos are left out, PDFBox does
 * not draw them), then headings, paragraphs and bullet lists, wrapped and paginated, and
 * the footer on every page. Standard fonts (WinAnsi): characters they cannot show are
 * replaced by "?".
 */
final class LetterPdf implements AutoCloseable {

	private static final float MARGIN = 56;

	private static final float BAND = 64;

	private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

	private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

	private final PDDocument document = new PDDocument();

	private final Color primary;

	private final String programme;

	private final byte[] logo;

	private final List<String> footer;

	private PDPageContentStream content;

	private float y;

	LetterPdf(String programme, Color primary, byte[] logo, String footer) {
		this.programme = programme;
		this.primary = primary;
		this.logo = logo;
		this.footer = wrap(footer, this.regular, 8, PDRectangle.LETTER.getWidth() - 2 * MARGIN);
		newPage();
	}

	LetterPdf title(String text) {
		return text(text, this.bold, 16, 10);
	}

	LetterPdf heading(String text) {
		space(8);
		return text(text, this.bold, 12, 4);
	}

	LetterPdf paragraph(String text) {
		return text(text, this.regular, 10.5f, 6);
	}

	LetterPdf bullet(String text) {
		float width = PDRectangle.LETTER.getWidth() - 2 * MARGIN - 14;
		List<String> lines = wrap(text, this.regular, 10.5f, width);
		for (int i = 0; i < lines.size(); i++) {
			ensure(14);
			if (i == 0) {
				show("-", this.regular, 10.5f, MARGIN + 2, this.y);
			}
			show(lines.get(i), this.regular, 10.5f, MARGIN + 14, this.y);
			this.y -= 14;
		}
		this.y -= 3;
		return this;
	}

	LetterPdf space(float points) {
		this.y -= points;
		return this;
	}

	byte[] toBytes(String title) {
		try {
			this.content.close();
			this.document.getDocumentInformation().setTitle(safe(title, this.regular));
			this.document.getDocumentInformation().setAuthor(safe(this.programme, this.regular));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			this.document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			this.document.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private LetterPdf text(String text, PDFont font, float size, float after) {
		float leading = size * 1.35f;
		for (String line : wrap(text, font, size, PDRectangle.LETTER.getWidth() - 2 * MARGIN)) {
			ensure(leading);
			show(line, font, size, MARGIN, this.y);
			this.y -= leading;
		}
		this.y -= after;
		return this;
	}

	private void ensure(float height) {
		if (this.y - height < MARGIN + 12 * this.footer.size() + 8) {
			try {
				this.content.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			newPage();
		}
	}

	private void newPage() {
		try {
			PDPage page = new PDPage(PDRectangle.LETTER);
			this.document.addPage(page);
			this.content = new PDPageContentStream(this.document, page);
			float width = page.getMediaBox().getWidth();
			float top = page.getMediaBox().getHeight();
			this.content.setNonStrokingColor(this.primary);
			this.content.addRect(0, top - BAND, width, BAND);
			this.content.fill();
			float textX = MARGIN;
			if (this.logo != null) {
				PDImageXObject image = PDImageXObject.createFromByteArray(this.document, this.logo, "logo");
				float height = 36;
				float imageWidth = image.getWidth() * height / image.getHeight();
				this.content.setNonStrokingColor(Color.WHITE);
				this.content.addRect(MARGIN - 4, top - BAND + 10, imageWidth + 8, height + 8);
				this.content.fill();
				this.content.drawImage(image, MARGIN, top - BAND + 14, imageWidth, height);
				textX = MARGIN + imageWidth + 16;
			}
			this.content.setNonStrokingColor(Color.WHITE);
			show(this.programme, this.bold, 16, textX, top - BAND + 26);
			this.content.setNonStrokingColor(new Color(0x52, 0x60, 0x6d));
			float footerY = MARGIN;
			for (int i = this.footer.size() - 1; i >= 0; i--) {
				show(this.footer.get(i), this.regular, 8, MARGIN, footerY);
				footerY += 10;
			}
			this.content.setNonStrokingColor(new Color(0x1f, 0x29, 0x33));
			this.y = top - BAND - 36;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void show(String text, PDFont font, float size, float x, float atY) {
		try {
			this.content.beginText();
			this.content.setFont(font, size);
			this.content.newLineAtOffset(x, atY);
			this.content.showText(safe(text, font));
			this.content.endText();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<String> wrap(String text, PDFont font, float size, float width) {
		List<String> lines = new ArrayList<>();
		if (text == null || text.isBlank()) {
			return lines;
		}
		for (String paragraph : text.split("\\R")) {
			StringBuilder line = new StringBuilder();
			for (String word : paragraph.trim().split("\\s+")) {
				String candidate = line.isEmpty() ? word : line + " " + word;
				if (!line.isEmpty() && width(candidate, font, size) > width) {
					lines.add(line.toString());
					line = new StringBuilder(word);
				}
				else {
					line = new StringBuilder(candidate);
				}
			}
			lines.add(line.toString());
		}
		return lines;
	}

	private static float width(String text, PDFont font, float size) {
		try {
			return font.getStringWidth(safe(text, font)) / 1000 * size;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The text with what the font cannot encode replaced by "?". */
	static String safe(String text, PDFont font) {
		StringBuilder clean = new StringBuilder(text.length());
		text.codePoints().forEach((codePoint) -> {
			String character = (Character.isWhitespace(codePoint)) ? " " : new String(Character.toChars(codePoint));
			try {
				font.encode(character);
				clean.append(character);
			}
			catch (IOException | IllegalArgumentException ex) {
				clean.append('?');
			}
		});
		return clean.toString();
	}

}
