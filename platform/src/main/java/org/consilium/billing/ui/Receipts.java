package org.consilium.billing.ui;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.consilium.billing.Payments.CaseBill;
import org.consilium.billing.Payments.Line;
import org.consilium.billing.Payments.LineState;

/**
 * What the patient's card paid for the case, one row per payment Stripe confirmed, with
 * its reference at Stripe; a plain table rather than a grid, so that printing the page
 * prints every row.
 */
class Receipts extends Div {

	Receipts(CaseBill bill, ZoneId zone, Locale locale) {
		addClassName("card");
		setId("receipts");
		add(new H2(getTranslation("payment.receipts.title")));
		List<Line> paid = bill.lines().stream().filter((line) -> line.state() == LineState.PAID).toList();
		if (paid.isEmpty()) {
			Paragraph empty = new Paragraph(getTranslation("payment.receipts.empty"));
			empty.setId("receipts-empty");
			add(empty);
			return;
		}
		NativeTable table = new NativeTable();
		table.setId("receipts-table");
		table.setCaptionText(getTranslation("payment.receipts.caption", bill.reference().value()));
		NativeTableRow head = table.getHead().addRow();
		for (String key : List.of("payment.receipts.kind", "payment.receipts.amount", "payment.receipts.date",
				"payment.receipts.reference")) {
			head.addHeaderCell().setText(getTranslation(key));
		}
		for (Line line : paid) {
			NativeTableRow row = table.getBody().addRow();
			row.addClassName("receipt");
			row.addDataCell().setText(getTranslation("payment.kind." + line.kind()));
			row.addDataCell().setText(Amounts.format(line.amount(), locale));
			row.addDataCell().setText(Amounts.date(line.paidAt(), zone, locale));
			row.addDataCell().setText((line.reference() != null) ? line.reference() : Amounts.NONE);
		}
		Button print = new Button(getTranslation("payment.receipts.print"), VaadinIcon.PRINT.create(),
				(event) -> UI.getCurrent().getPage().executeJs("window.print()"));
		print.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
		print.setId("print-receipt");
		add(table, print);
	}

}
