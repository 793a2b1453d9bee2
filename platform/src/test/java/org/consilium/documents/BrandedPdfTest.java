package org.consilium.documents;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The letter's layout: text that the standard fonts cannot show does not break it, long
 * text wraps onto further pages with the programme's band and footer on each, and a PNG
 * logo is embedded.
 */
class BrandedPdfTest {

	@Test
	void characters_outside_the_standard_fonts_become_question_marks_and_nothing_breaks() throws Exception {
		byte[] bytes;
		try (BrandedPdf pdf = new BrandedPdf("Programme", Color.decode("#1a5fb4"), null, "Footer")) {
			bytes = pdf.title("Carta para el médico remitente")
				.paragraph("Paciente: Łucja 李 Ñúñez\tcon tabulador")
				.toBytes("Título");
		}
		try (PDDocument document = Loader.loadPDF(bytes)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("Carta para el médico remitente", "Paciente: ?ucja ? Ñúñez con tabulador");
			assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Título");
		}
	}

	@Test
	void long_letters_continue_on_new_pages_each_with_the_footer() throws Exception {
		byte[] bytes;
		try (BrandedPdf pdf = new BrandedPdf("Programme", Color.BLACK, null, "The legal footer.")) {
			for (int i = 0; i < 80; i++) {
				pdf.bullet("Item " + i + " with enough words to need a line of its own, and then some more words.");
			}
			bytes = pdf.toBytes("Long");
		}
		try (PDDocument document = Loader.loadPDF(bytes)) {
			assertThat(document.getNumberOfPages()).isGreaterThan(1);
			PDFTextStripper stripper = new PDFTextStripper();
			stripper.setStartPage(document.getNumberOfPages());
			stripper.setEndPage(document.getNumberOfPages());
			assertThat(stripper.getText(document)).contains("The legal footer.", "Programme");
		}
	}

	@Test
	void a_png_logo_is_embedded() throws Exception {
		BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(image, "png", png);
		byte[] bytes;
		try (BrandedPdf pdf = new BrandedPdf("Programme", Color.BLACK, png.toByteArray(), "")) {
			bytes = pdf.paragraph("Hello").toBytes("Logo");
		}
		try (PDDocument document = Loader.loadPDF(bytes)) {
			assertThat(document.getPage(0).getResources().getXObjectNames()).isNotEmpty();
			assertThat(document.getPage(0).getResources().getCOSObject().containsKey(COSName.XOBJECT)).isTrue();
		}
	}

}
