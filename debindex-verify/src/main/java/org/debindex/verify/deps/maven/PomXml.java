package org.debindex.verify.deps.maven;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.debindex.core.MalformedInputException;

/**
 * A POM read into a small element tree that keeps the line of every element. DTDs, and with them
 * every entity but the five predefined ones, are refused: a POM has no use for them (Maven's own
 * parser does not read them) and an external entity would read local files or the network.
 */
final class PomXml {

    private PomXml() {
    }

    /** An element: local name (namespaces are ignored, as Maven ignores them), line, trimmed text. */
    record Element(String name, int line, String text, List<Element> children) {
        Element {
            children = List.copyOf(children);
        }

        Optional<Element> child(String childName) {
            return children.stream().filter(e -> e.name.equals(childName)).findFirst();
        }

        List<Element> children(String childName) {
            return children.stream().filter(e -> e.name.equals(childName)).toList();
        }

        /** The text of a child that must hold only text. */
        Optional<String> childText(String childName, String source) throws MalformedInputException {
            Optional<Element> e = child(childName);
            if (e.isEmpty()) {
                return Optional.empty();
            }
            if (!e.get().children.isEmpty()) {
                throw new MalformedInputException(source, e.get().children.get(0).line, -1,
                        "element <" + e.get().children.get(0).name + "> inside <" + childName + ">; expected text");
            }
            return Optional.of(e.get().text);
        }
    }

    static Element parse(Path file, String source) throws IOException, MalformedInputException {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        // belt and braces: if anything still asked for an external resource, refuse it
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resource " + MalformedInputException.quote(String.valueOf(systemId))
                    + " refused");
        });
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader reader = factory.createXMLStreamReader(in);
            try {
                return read(reader, source);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            Throwable nested = e.getNestedException();
            if (nested instanceof IOException io && !(io instanceof CharConversionException)) {
                throw io;
            }
            Location at = e.getLocation();
            throw new MalformedInputException(source, at == null ? -1 : at.getLineNumber(), -1,
                    "malformed XML: " + describe(e) + "; expected a well-formed POM", e);
        }
    }

    private static Element read(XMLStreamReader reader, String source) throws XMLStreamException,
            MalformedInputException {
        record Open(String name, int line, StringBuilder text, List<Element> children) {
        }
        Deque<Open> open = new ArrayDeque<>();
        Element root = null;
        while (reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.DTD -> throw new MalformedInputException(source,
                        reader.getLocation().getLineNumber(), -1,
                        "document type declaration (<!DOCTYPE>) refused; expected a POM without one");
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new MalformedInputException(source,
                        reader.getLocation().getLineNumber(), -1, "entity reference "
                        + MalformedInputException.quote("&" + reader.getLocalName() + ";") + " refused; expected text");
                case XMLStreamConstants.START_ELEMENT -> open.push(new Open(reader.getLocalName(),
                        reader.getLocation().getLineNumber(), new StringBuilder(), new ArrayList<>()));
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (!open.isEmpty()) {
                        open.peek().text.append(reader.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    Open done = open.pop();
                    Element e = new Element(done.name, done.line, done.text.toString().strip(), done.children);
                    if (open.isEmpty()) {
                        root = e;
                    } else {
                        open.peek().children.add(e);
                    }
                }
                default -> {
                    // comments, processing instructions, the document start and end
                }
            }
        }
        if (root == null) {
            throw new MalformedInputException(source, -1, -1, "no root element; expected <project>");
        }
        return root;
    }

    // the JDK's message starts "ParseError at [row,col]:[3,7]\nMessage: "; the location is ours to print
    private static String describe(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int at = message.indexOf("Message: ");
        String text = (at >= 0 ? message.substring(at + "Message: ".length()) : message).strip();
        if (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        if (!text.isEmpty() && Character.isUpperCase(text.charAt(0))
                && (text.length() == 1 || !Character.isUpperCase(text.charAt(1)))) {
            text = Character.toLowerCase(text.charAt(0)) + text.substring(1);
        }
        return text;
    }
}
