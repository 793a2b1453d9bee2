package org.consilium.documents;

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
 * A programme's branded document on US Letter pages, drawn with PDFBox (the
 * referring-physician letter, the published opinion): a band in the programme's colour
 * with its name and PNG/JPEG logo on every page, then titles, headings, labels, wrapped
 * paragraphs and bullets, paginated, with the programme's footer. Standard fonts
 * (WinAnsi): characters they cannot show become "?". Not thread-safe; one per document.
 */
public final class BrandedPdf implements AutoCloseable {

	private static final float MARGIN = 56;

	private static final float BAND = 64;

	private static final float WIDTH = PDRectangle.LETTER.getWidth() - 2 * MARGIN;

	private static final Color TEXT = new Color(0x1f, 0x29, 0x33);

	private static final Color MUTED = new Color(0x52, 0x60, 0x6d);

	private final PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

	private final PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

	private final PDDocument document = new PDDocument();

	private final Color primary;

	private final String programme;

	private final byte[] logo;

	private final List<String> footer;

	private PDPageContentStream content;

	private float y;

	public BrandedPdf(String programme, Color primary, byte[] logo, String footer) {
		this.programme = programme;
		this.primary = primary;
		this.logo = logo;
		this.footer = wrap(footer, this.regular, 8, WIDTH);
		newPage();
	}

	public BrandedPdf title(String text) {
		return text(text, this.bold, 16, 10, TEXT);
	}

	/** A section heading, in the programme's colour. */
	public BrandedPdf heading(String text) {
		this.y -= 10;
		ensure(40);
		return text(text, this.bold, 12.5f, 4, this.primary);
	}

	public BrandedPdf label(String text) {
		return text(text, this.bold, 10.5f, 2, TEXT);
	}

	public BrandedPdf paragraph(String text) {
		return text(text, this.regular, 10.5f, 6, TEXT);
	}

	/** A small grey line: who, when. */
	public BrandedPdf note(String text) {
		return text(text, this.regular, 9, 4, MUTED);
	}

	/** A bulleted item, wrapped under its own indent. */
	public BrandedPdf bullet(String text) {
		List<String> lines = wrap(text, this.regular, 10.5f, WIDTH - 14);
		for (int i = 0; i < lines.size(); i++) {
			ensure(14);
			if (i == 0) {
				show("-", this.regular, 10.5f, MARGIN + 2, this.y, TEXT);
			}
			show(lines.get(i), this.regular, 10.5f, MARGIN + 14, this.y, TEXT);
			this.y -= 14;
		}
		this.y -= 3;
		return this;
	}

	public BrandedPdf space(float points) {
		this.y -= points;
		return this;
	}

	public byte[] toBytes(String title) {
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

	private BrandedPdf text(String text, PDFont font, float size, float after, Color color) {
		float leading = size * 1.35f;
		for (String line : wrap(text, font, size, WIDTH)) {
			ensure(leading);
			show(line, font, size, MARGIN, this.y, color);
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
			show(this.programme, this.bold, 16, textX, top - BAND + 26, Color.WHITE);
			float footerY = MARGIN;
			for (int i = this.footer.size() - 1; i >= 0; i--) {
				show(this.footer.get(i), this.regular, 8, MARGIN, footerY, MUTED);
				footerY += 10;
			}
			this.y = top - BAND - 36;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void show(String text, PDFont font, float size, float x, float atY, Color color) {
		try {
			this.content.setNonStrokingColor(color);
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
			String character = Character.isWhitespace(codePoint) ? " " : new String(Character.toChars(codePoint));
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
