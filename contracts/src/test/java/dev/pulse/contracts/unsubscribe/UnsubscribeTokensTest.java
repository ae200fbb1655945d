package dev.pulse.contracts.unsubscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class UnsubscribeTokensTest {

    private final UnsubscribeTokens tokens = new UnsubscribeTokens("a-secret-of-at-least-thirty-two-bytes!!");

    @Test
    void aTokenNamesItsSubscriber() {
        UUID subscriber = UUID.randomUUID();
        String token = tokens.issue(subscriber);
        assertThat(token).doesNotContain("=", "+", "/");
        assertThat(tokens.verify(token)).contains(subscriber);
    }

    @Test
    void aForgedOrMangledTokenNamesNobody() {
        UUID subscriber = UUID.randomUUID();
        String token = tokens.issue(subscriber);
        String otherId = tokens.issue(UUID.randomUUID()).split("\\.")[0];
        assertThat(tokens.verify(otherId + "." + token.split("\\.")[1])).isEmpty();
        assertThat(tokens.verify(token.substring(0, token.length() - 2) + "AA")).isEmpty();
        assertThat(new UnsubscribeTokens("another-secret-of-at-least-thirty-two-bytes").verify(token)).isEmpty();
        assertThat(tokens.verify("nonsense")).isEmpty();
        assertThat(tokens.verify("!!.??")).isEmpty();
        assertThat(tokens.verify(null)).isEmpty();
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new UnsubscribeTokens("short"));
    }
}
