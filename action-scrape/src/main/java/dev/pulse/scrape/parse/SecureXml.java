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
 * resolved) and its healer (HTML entities XML does not declare become characters). Building the tree
 * here rather than inside ROME keeps the raw elements at hand for what ROME drops (dates it cannot
 * read).
 */
final class SecureXml extends WireFeedInput {

    SecureXml() {
        super(false, Locale.ROOT);
        setAllowDoctypes(false);
    }

    Document read(String text) throws JDOMException, IOException {
        return createSAXBuilder().build(new XmlFixerReader(new StringReader(text)));
    }
}
