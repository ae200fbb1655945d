package dev.pulse.scrape.parse;

import java.util.ArrayList;
import java.util.List;

import org.jdom2.Document;
import org.jdom2.Element;

/** The item or entry elements of a feed document in document order, as ROME lists its entries. */
final class RawEntries {

    private static final List<String> DATES = List.of("pubDate", "date", "published", "updated", "issued", "modified",
            "created");

    private RawEntries() {
    }

    static List<Element> of(Document document) {
        Element root = document.getRootElement();
        List<Element> entries = new ArrayList<>();
        collect(root, entries);
        Element channel = child(root, "channel");
        if (channel != null && !channel.getChildren().isEmpty()) {
            collect(channel, entries); // RSS 0.9x/2.0: items inside the channel (RDF: beside it)
        }
        return entries;
    }

    /** The text of an entry's first date element, whatever its namespace (RSS, Dublin Core, Atom). */
    static String dateText(Element entry) {
        for (String name : DATES) {
            Element date = child(entry, name);
            if (date != null && !date.getTextTrim().isEmpty()) {
                return date.getTextTrim();
            }
        }
        return null;
    }

    private static void collect(Element parent, List<Element> into) {
        for (Element child : parent.getChildren()) {
            if (child.getName().equals("item") || child.getName().equals("entry")) {
                into.add(child);
            }
        }
    }

    private static Element child(Element parent, String name) {
        for (Element child : parent.getChildren()) {
            if (child.getName().equals(name)) {
                return child;
            }
        }
        return null;
    }
}
