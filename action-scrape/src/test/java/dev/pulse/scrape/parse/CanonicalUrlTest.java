package dev.pulse.scrape.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalUrlTest {

    private static final URI BASE = URI.create("https://blog.example.net/2026/12/feed.xml");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://Example.ORG/a?utm_source=rss&id=7&fbclid=x#top|https://example.org/a?id=7",
            "HTTP://example.org:80/|http://example.org/",
            "https://example.org:443/p|https://example.org/p",
            "https://example.org:8443/p|https://example.org:8443/p",
            "/posts/a|https://blog.example.net/posts/a",
            "b.html|https://blog.example.net/2026/12/b.html",
            "../up.html|https://blog.example.net/2026/up.html",
            "//cdn.example.com/x.png|https://cdn.example.com/x.png",
            "https://example.org|https://example.org/",
            "https://example.org/a b|https://example.org/a%20b",
            "https://example.org/?gclid=1&utm_medium=x|https://example.org/",
            "https://example.org/search?q=a&ref=home|https://example.org/search?q=a&ref=home",
            "https://Bücher.example/straße?q=ä|https://xn--bcher-kva.example/stra%C3%9Fe?q=%C3%A4",
            "https://xn--bcher-kva.example/stra%C3%9Fe?q=%C3%A4|https://xn--bcher-kva.example/stra%C3%9Fe?q=%C3%A4",
            "https://my_blog.example.com:8080/post|https://my_blog.example.com:8080/post",
            "https://my_blog.example.com/post?utm_source=x|https://my_blog.example.com/post"})
    void oneFormForOneArticle(String href, String canonical) {
        assertThat(CanonicalUrl.of(BASE, href)).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "mailto:a@example.org", "ftp://example.org/f", "data:text/html,hi", " "})
    void onlyWebUrlsAreKept(String href) {
        assertThat(CanonicalUrl.of(BASE, href)).isNull();
    }
}
