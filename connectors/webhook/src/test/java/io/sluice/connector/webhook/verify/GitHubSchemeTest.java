package io.sluice.connector.webhook.verify;

import static io.sluice.connector.webhook.verify.Signing.assertRejected;
import static io.sluice.connector.webhook.verify.Signing.hex;
import static io.sluice.connector.webhook.verify.Signing.hmac;
import static io.sluice.connector.webhook.verify.Signing.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GitHubSchemeTest {

    // The example from GitHub's "Validating webhook deliveries" documentation.
    private static final String SECRET = "It's a Secret to Everybody";
    private static final String BODY = "Hello, World!";
    private static final String SIGNATURE = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    private static final String DELIVERY = "72d3162e-cc78-11e3-81ab-4c9367dc0958";
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    private final SignatureScheme scheme = SignatureSchemes.github(List.of(Secret.ofText(SECRET)));

    @Test
    void documentedExampleMatchesAnHmacComputedIndependently() {
        String computed = "sha256=" + hex(hmac("HmacSHA256", utf8(SECRET), utf8(BODY)));

        assertThat(computed).isEqualTo(SIGNATURE);
    }

    @Test
    void verifiesDocumentedExampleAndReportsDeliveryAndEvent() {
        WebhookRequest request = request(BODY, SIGNATURE);

        Verification result = scheme.verify(request, NOW);

        assertThat(result).isEqualTo(Verification.verified(DELIVERY, "push"));
        assertThat(scheme.name()).isEqualTo("github");
    }

    @Test
    void verifiesUnderEitherOfSeveralSecrets() {
        SignatureScheme rotating =
                SignatureSchemes.github(List.of(Secret.ofText("the new secret"), Secret.ofText(SECRET)));

        Verification result = rotating.verify(request(BODY, SIGNATURE), NOW);

        assertThat(result.isVerified()).isTrue();
    }

    @Test
    void acceptsUpperCaseHexDigits() {
        String upper = "sha256=" + SIGNATURE.substring("sha256=".length()).toUpperCase(Locale.ROOT);

        Verification result = scheme.verify(request(BODY, upper), NOW);

        assertThat(result.isVerified()).isTrue();
    }

    @Test
    void rejectsTamperedBody() {
        WebhookRequest request = request("Hello, World?", SIGNATURE);

        Verification result = scheme.verify(request, NOW);

        assertRejected(result, Rejection.BAD_SIGNATURE, "X-Hub-Signature-256");
    }

    @Test
    void rejectsSignatureMadeWithAnotherSecret() {
        SignatureScheme other = SignatureSchemes.github(List.of(Secret.ofText("not the secret")));

        Verification result = other.verify(request(BODY, SIGNATURE), NOW);

        Verification.Rejected rejected = assertRejected(result, Rejection.BAD_SIGNATURE, "X-Hub-Signature-256");
        assertThat(rejected.message()).doesNotContain(SECRET, "757107ea");
    }

    @Test
    void verifiesOldDeliveryBecauseGitHubSignsNoTimestamp() {
        WebhookRequest request = request(BODY, SIGNATURE);

        Verification result = scheme.verify(request, NOW.plusSeconds(365L * 24 * 3600));

        assertThat(result.isVerified()).isTrue();
    }

    @Test
    void rejectsRequestWithoutSignatureHeaderEvenWhenLegacySha1HeaderIsPresent() {
        byte[] sha1 = hmac("HmacSHA1", utf8(SECRET), utf8(BODY));
        WebhookRequest request = WebhookRequest.builder()
                .body(utf8(BODY))
                .header("X-Hub-Signature", "sha1=" + hex(sha1))
                .header("X-GitHub-Delivery", DELIVERY)
                .build();

        Verification result = scheme.verify(request, NOW);

        assertRejected(result, Rejection.MISSING_HEADER, "X-Hub-Signature-256");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", "sha1=abc", "sha256=xyz"})
    void rejectsMalformedSignatureHeader(String header) {
        WebhookRequest request = request(BODY, header);

        Verification result = scheme.verify(request, NOW);

        assertRejected(result, Rejection.MALFORMED_HEADER, "X-Hub-Signature-256");
    }

    @Test
    void verifiesExactBytesOfJsonWithUnusualSpacingKeyOrderAndUnicode() {
        String body = "{ \"b\":1 ,\"a\" : \"żółw ☃\" }";
        String signature = "sha256=" + hex(hmac("HmacSHA256", utf8(SECRET), utf8(body)));

        Verification result = scheme.verify(request(body, signature), NOW);

        assertThat(result).isEqualTo(Verification.verified(DELIVERY, "push"));
    }

    @Test
    void reportsNoDeliveryIdWhenTheUnsignedDeliveryHeaderIsAbsent() {
        WebhookRequest request = WebhookRequest.builder()
                .body(utf8(BODY))
                .header("X-Hub-Signature-256", SIGNATURE)
                .build();

        Verification result = scheme.verify(request, NOW);

        assertThat(result).isEqualTo(Verification.verified(null, null));
    }

    private static WebhookRequest request(String body, String signature) {
        return WebhookRequest.builder()
                .body(utf8(body))
                .contentType("application/json")
                .header("x-hub-signature-256", signature)
                .header("X-GitHub-Delivery", DELIVERY)
                .header("X-GitHub-Event", "push")
                .build();
    }
}
