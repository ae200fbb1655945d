package dev.pulse.scrape.parse;

import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;

import org.jdom2.Document;
import org.jdom2.JDOMException;

import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.impl.XmlFixerReader;

/**
 * A document as JDOM, with ROME's own hardened builder (DOCTYPE disallowed, no external entity ever
 * resolved) and, when asked, its healer (HTML entities XML does not declare become characters).
 * Building the tree here rather than inside ROME keeps the raw elements at hand (the dates).
 */
final class SecureXml extends WireFeedInput {

    SecureXml() {
        super(false, Locale.ROOT);
        setAllowDoctypes(false);
    }

    /** {@code heal}: through ROME's healer, which is slow (a char at a time), so only for a document that needs it. */
    Document read(String text, boolean heal) throws JDOMException, IOException {
        StringReader reader = new StringReader(text);
        return createSAXBuilder().build(heal ? new XmlFixerReader(reader) : reader);
    }
}
