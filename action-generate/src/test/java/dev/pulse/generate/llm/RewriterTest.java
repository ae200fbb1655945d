package dev.pulse.generate.llm;

import static dev.pulse.generate.Items.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.pulse.contracts.messages.Tone;
import dev.pulse.generate.Items;
import dev.pulse.generate.compose.ComposeSettings;
import dev.pulse.generate.compose.Composer;
import dev.pulse.generate.compose.Newsletter;
import tools.jackson.databind.json.JsonMapper;

/** The optional model through a local chat-completions server: what it may change, and every way it fails. */
class RewriterTest {

    private final ChatServer server = new ChatServer();
    private final Newsletter newsletter = new Composer(new ComposeSettings(10, 3, Duration.ofHours(24), 280)).compose(
            List.of(Items.feed("Blog", "First story", "https://blog.example/1", 1),
                    Items.feed("Blog", "Second story", "https://blog.example/2", 2)),
            Set.of(), 10, Tone.CASUAL, NOW);

    private Rewriter rewriter(Duration timeout) {
        return new Rewriter(new LlmSettings(server.baseUrl(), "test-model", "sk-test", timeout), JsonMapper.builder().build(), 280);
    }

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void aGoodAnswerRewritesSubjectIntroAndSummariesOnly() {
        server.answer(200, ChatServer.completion("""
                {"subject": "Two stories worth a look", "intro": "Hey! Two quick reads for you.",
                 "summaries": {"1": "The first one, briefly.", "2": "The second one, briefly."}}"""));
        Rewriter.Outcome outcome = rewriter(Duration.ofSeconds(5)).rewrite(newsletter, "casual");

        assertThat(outcome.used()).isTrue();
        assertThat(outcome.fallback()).isNull();
        Newsletter rewritten = outcome.newsletter();
        assertThat(rewritten.subject()).isEqualTo("Two stories worth a look");
        assertThat(rewritten.intro()).isEqualTo("Hey! Two quick reads for you.");
        assertThat(rewritten.sections().get(0).stories()).extracting(s -> s.summary())
                .containsExactly("The first one, briefly.", "The second one, briefly.");
        assertThat(rewritten.sections().get(0).stories()).extracting(s -> s.title()).containsExactly("First story", "Second story");
        assertThat(rewritten.outro()).isEqualTo(newsletter.outro());
        assertThat(rewritten.itemIds()).isEqualTo(newsletter.itemIds());
        assertThat(server.requests().get(0)).contains("\"model\":\"test-model\"", "First story", "casual");
        assertThat(server.authorizations().get(0)).isEqualTo("Bearer sk-test");
        assertThat(Rewriter.apply(newsletter, outcome.accepted())).as("rebuilt from the stored rewrite").isEqualTo(rewritten);
    }

    @Test
    void malformedJsonFallsBack() {
        server.answer(200, ChatServer.completion("Sure! Here is your newsletter: {subject: oops"));
        assertFallback(rewriter(Duration.ofSeconds(5)).rewrite(newsletter, "casual"), "not the JSON asked for");
    }

    @Test
    void anInventedLinkFallsBack() {
        server.answer(200, ChatServer.completion("""
                {"subject": "Two stories", "intro": "Read more at https://evil.example/phish today.",
                 "summaries": {"1": "One.", "2": "Two."}}"""));
        assertFallback(rewriter(Duration.ofSeconds(5)).rewrite(newsletter, "casual"), "link that was not in the input");
    }

    @Test
    void markupOrATooLongSubjectFallsBack() {
        server.answer(200, ChatServer.completion("""
                {"subject": "Two stories", "intro": "<b>Bold</b> intro", "summaries": {}}"""));
        assertFallback(rewriter(Duration.ofSeconds(5)).rewrite(newsletter, "casual"), "markup");
        server.answer(200, ChatServer.completion("{\"subject\": \"" + "x".repeat(71) + "\", \"intro\": \"ok\", \"summaries\": {}}"));
        assertFallback(rewriter(Duration.ofSeconds(5)).rewrite(newsletter, "casual"), "subject");
    }

    @Test
    void aServerErrorFallsBack() {
        server.answer(500, "{\"error\": {\"message\": \"boom\"}}");
        assertFallback(rewriter(Duration.ofSeconds(5)).rewrite(newsletter, "casual"), "HTTP 500");
    }

    @Test
    void aRateLimitFallsBack() {
        server.answer(429, "{\"error\": {\"message\": \"rate limited\"}}");
        assertFallback(rewriter(Duration.ofSeconds(5)).rewrite(newsletter, "casual"), "HTTP 429");
    }

    @Test
    void aModelThatDoesNotAnswerInTimeFallsBack() {
        server.answerAfter(3000, ChatServer.completion("{\"subject\": \"late\", \"intro\": \"late\", \"summaries\": {}}"));
        long start = System.nanoTime();
        assertFallback(rewriter(Duration.ofMillis(500)).rewrite(newsletter, "casual"), "did not answer within");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void withoutABaseUrlNoModelIsAsked() {
        Rewriter.Outcome outcome = new Rewriter(new LlmSettings(null, "m", null, Duration.ofSeconds(1)),
                JsonMapper.builder().build(), 280).rewrite(newsletter, "casual");
        assertThat(outcome.used()).isFalse();
        assertThat(outcome.fallback()).isNull();
        assertThat(outcome.newsletter()).isSameAs(newsletter);
        assertThat(server.requests()).isEmpty();
    }

    private void assertFallback(Rewriter.Outcome outcome, String reason) {
        assertThat(outcome.used()).isFalse();
        assertThat(outcome.fallback()).contains(reason);
        assertThat(outcome.newsletter()).as("the deterministic text stands").isSameAs(newsletter);
    }
}
