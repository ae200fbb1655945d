package dev.pulse.scrape.parse;

import java.time.Instant;
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

    /**
     * Each entry's date (its first of pubDate, dc:date, published, updated, … that reads as one), with
     * every date element taken out of the tree: ROME would parse them all again with SimpleDateFormat,
     * the most expensive step of reading a feed, and give up on forms {@link FeedDates} reads.
     */
    static List<Instant> takeDates(List<Element> entries) {
        List<Instant> dates = new ArrayList<>(entries.size());
        for (Element entry : entries) {
            Element[] byRank = new Element[DATES.size()];
            List<Element> dated = new ArrayList<>(2);
            for (Element child : entry.getChildren()) {
                int rank = DATES.indexOf(child.getName());
                if (rank >= 0) {
                    dated.add(child);
                    byRank[rank] = byRank[rank] == null ? child : byRank[rank];
                }
            }
            Instant found = null;
            for (int rank = 0; rank < byRank.length && found == null; rank++) {
                found = byRank[rank] == null ? null : FeedDates.parse(byRank[rank].getTextTrim());
            }
            dated.forEach(entry::removeContent);
            dates.add(found);
        }
        return dates;
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
