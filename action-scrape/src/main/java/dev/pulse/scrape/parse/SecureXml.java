package dev.pulse.scrape.parse;

import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;

import org.jdom2.Document;
import org.jdom2.JDOMException;

import com.rometools.rome.io.SAXBuilder;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.impl.XmlFixerReader;

/**
 * A document as JDOM, with ROME's own hardened builder (DOCTYPE disallowed, no external entity ever
 * resolved) and, when asked, its healer (HTML entities XML does not declare become characters).
 * Building the tree here rather than inside ROME keeps the raw elements at hand (the dates).
 */
final class SecureXml extends WireFeedInput {

    /**
     * One builder per thread, its parser reused: making a parser looks up the JAXP factories, which in
     * a packaged Spring Boot jar costs more than parsing a small feed.
     */
    private static final ThreadLocal<SAXBuilder> BUILDERS = ThreadLocal.withInitial(() -> new SecureXml().builder());

    /** Far deeper than any feed, even one carrying XHTML content. */
    static final int MAX_DEPTH = 256;
    private static final String MAX_ELEMENT_DEPTH = "http://www.oracle.com/xml/jaxp/properties/maxElementDepth";

    private SecureXml() {
        super(false, Locale.ROOT);
        setAllowDoctypes(false);
    }

    private SAXBuilder builder() {
        SAXBuilder builder = createSAXBuilder();
        builder.setReuseParser(true);
        // JDOM checks every added element against all its ancestors, so a deep document costs the square
        // of its size: 10 MiB of elements never closed would keep a parser busy for hours
        builder.setProperty(MAX_ELEMENT_DEPTH, String.valueOf(MAX_DEPTH));
        return builder;
    }

    /** {@code heal}: through ROME's healer, which is slow (a char at a time), so only for a document that needs it. */
    static Document read(String text, boolean heal) throws JDOMException, IOException {
        StringReader reader = new StringReader(text);
        return BUILDERS.get().build(heal ? new XmlFixerReader(reader) : reader);
    }
}
