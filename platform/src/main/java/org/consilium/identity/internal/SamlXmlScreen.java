package org.consilium.identity.internal;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Looks at a SAML response before OpenSAML does and refuses what no honest identity
 * provider sends and attacks rely on: a DOCTYPE (entity expansion, external entities) and
 * comments or processing instructions. Exclusive canonicalization drops comments, so a
 * comment can be added to a signed value without breaking the signature:
 * {@code alice@acme.example<!---->.evil.example}, signed for the attacker's own
 * {@code alice@acme.example.evil.example}, reads as {@code alice@acme.example} to a
 * parser that keeps only the first text node. OpenSAML's parser pool ignores comments,
 * which is safe, but an unsigned part of a signed document has no business being there.
 */
final class SamlXmlScreen {

	private SamlXmlScreen() {
	}

	/**
	 * @return what is wrong with the document, or empty when it may be processed
	 */
	static Optional<String> problem(String xml) {
		Document document;
		try {
			document = builder().parse(new InputSource(new StringReader(xml)));
		}
		catch (SAXException ex) {
			return Optional.of((ex.getMessage() != null && ex.getMessage().contains("DOCTYPE"))
					? "a DOCTYPE declaration is not allowed" : "not well-formed XML");
		}
		catch (IOException ex) {
			return Optional.of("unreadable XML");
		}
		Deque<Node> pending = new ArrayDeque<>();
		pending.push(document);
		while (!pending.isEmpty()) {
			Node node = pending.pop();
			switch (node.getNodeType()) {
				case Node.COMMENT_NODE:
					return Optional.of("an XML comment is not allowed");
				case Node.PROCESSING_INSTRUCTION_NODE:
					return Optional.of("an XML processing instruction is not allowed");
				case Node.DOCUMENT_TYPE_NODE, Node.ENTITY_REFERENCE_NODE:
					return Optional.of("a DOCTYPE declaration is not allowed");
				default:
					for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
						pending.push(child);
					}
			}
		}
		return Optional.empty();
	}

	private static DocumentBuilder builder() {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			factory.setIgnoringComments(false);
			DocumentBuilder builder = factory.newDocumentBuilder();
			builder.setErrorHandler(Silent.INSTANCE);
			return builder;
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Parse errors become the exception; nothing is printed to standard error. */
	private enum Silent implements ErrorHandler {

		INSTANCE;

		@Override
		public void warning(SAXParseException exception) {
		}

		@Override
		public void error(SAXParseException exception) throws SAXException {
			throw exception;
		}

		@Override
		public void fatalError(SAXParseException exception) throws SAXException {
			throw exception;
		}

	}

}
