package dev.pulse.scrape.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void markupBecomesTextAndScriptsDisappear() {
        assertThat(PlainText.of("<p>Hello <b>world</b></p><script>alert(1)</script><style>p{}</style>"))
                .isEqualTo("Hello world");
        assertThat(PlainText.of("Fish &amp; chips &mdash; &#x263A;")).isEqualTo("Fish & chips — ☺");
        assertThat(PlainText.of("  plain\n\ttext  ")).isEqualTo("plain text");
        assertThat(PlainText.of("<br/>")).isNull();
    }

    @Test
    void textIsHtmlOnlyWhenItHasAnHtmlTag() {
        assertThat(PlainText.ofText("Result<T, E> for <dialog> users")).isEqualTo("Result<T, E> for <dialog> users");
        assertThat(PlainText.ofText("a &lt; b &amp;  c")).isEqualTo("a < b & c");
        assertThat(PlainText.ofText("<b>Bold</b> <script>x()</script>news")).isEqualTo("Bold news");
        assertThat(PlainText.ofText("Fish &amp; chips")).isEqualTo("Fish & chips");
    }

    @Test
    void blocksAndLineBreaksSeparateWords() {
        assertThat(PlainText.of("<p>One.</p><p>Two.</p>")).isEqualTo("One. Two.");
        assertThat(PlainText.of("first line<br>second line<br/>third")).isEqualTo("first line second line third");
        assertThat(PlainText.of("<ul><li>apples</li><li>pears</li></ul><h2>Next</h2><div>end</div>"))
                .isEqualTo("apples pears Next end");
        assertThat(PlainText.of("<p onclick=\"x()\">kept <a href=\"/a\">link text</a></p>")).isEqualTo("kept link text");
    }

    @Test
    void summariesAreCutAtASentenceOrWordEnd() {
        String text = "First sentence here. Second sentence is longer than the limit allows";
        assertThat(PlainText.summary(text, 30)).isEqualTo("First sentence here.");
        assertThat(PlainText.summary(text, 45)).as("a sentence end too early gives way to a word end")
                .isEqualTo("First sentence here. Second sentence is…");
        assertThat(PlainText.summary("word ".repeat(30), 42)).endsWith("word…").hasSizeLessThanOrEqualTo(42);
        assertThat(PlainText.summary("short", 40)).isEqualTo("short");
    }
}
