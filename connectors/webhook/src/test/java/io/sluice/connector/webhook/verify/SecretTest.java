package io.sluice.connector.webhook.verify;

import static io.sluice.connector.webhook.verify.Signing.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretTest {

    @Test
    void toStringRevealsNothingAboutTheKey() {
        Secret secret = Secret.ofText("hunter2");

        String shown = secret.toString() + " " + java.util.List.of(secret);

        assertThat(shown).doesNotContain("hunter2", "aHVudGVyMg", "7");
    }

    @Test
    void standardWebhooksSecretDecodesTheBase64AfterThePrefix() {
        byte[] expected = Base64.getDecoder().decode("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        Secret secret = Secret.ofStandardWebhooks("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        assertThat(secret.bytes()).isEqualTo(expected).hasSize(24);
    }

    @Test
    void standardWebhooksSecretWithoutPrefixIsReadAsBareBase64LikeTheReferenceLibraries() {
        Secret secret = Secret.ofStandardWebhooks("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        assertThat(secret.bytes())
                .isEqualTo(Secret.ofStandardWebhooks("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
                        .bytes());
    }

    @Test
    void rejectsSecretThatIsNotBase64WithoutQuotingIt() {
        String notBase64 = "whsec_not*base64!";

        assertThatThrownBy(() -> Secret.ofStandardWebhooks(notBase64))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be standard base64")
                .hasMessageNotContaining("not*base64")
                .hasNoCause();
    }

    @Test
    void rejectsEmptySecret() {
        assertThatThrownBy(() -> Secret.ofText(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("secret must not be empty, but was 0 bytes long");
    }

    @Test
    void keepsItsOwnCopyOfTheKey() {
        byte[] key = utf8("key");
        Secret secret = Secret.ofBytes(key);

        key[0] = 'X';
        secret.bytes()[1] = 'X';

        assertThat(secret.bytes()).isEqualTo(utf8("key"));
    }
}
