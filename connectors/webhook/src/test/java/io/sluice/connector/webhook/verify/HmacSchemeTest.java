package io.sluice.connector.webhook.verify;

import static io.sluice.connector.webhook.verify.Signing.assertRejected;
import static io.sluice.connector.webhook.verify.Signing.base64;
import static io.sluice.connector.webhook.verify.Signing.hex;
import static io.sluice.connector.webhook.verify.Signing.hmac;
import static io.sluice.connector.webhook.verify.Signing.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class HmacSchemeTest {

    private static final String SECRET = "hookdeck-signing-secret";
    private static final String BODY = "{\"order\":42}";
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    private final SignatureScheme scheme = SignatureSchemes.hmac(HmacOptions.builder()
            .header("X-Signature")
            .prefix("sha256=")
            .secrets(List.of(Secret.ofText(SECRET)))
            .idHeader("X-Request-Id")
            .typeHeader("X-Event-Type")
            .build());

    @Test
    void verifiesHexSignatureBehindPrefixAndReportsIdAndTypeHeaders() {
        WebhookRequest request = WebhookRequest.builder()
                .body(utf8(BODY))
                .header("x-signature", "sha256=" + hex(hmac("HmacSHA256", utf8(SECRET), utf8(BODY))))
                .header("x-request-id", "req-7")
                .header("x-event-type", "order.created")
                .build();

        Verification result = scheme.verify(request, NOW);

        assertThat(result).isEqualTo(Verification.verified("req-7", "order.created"));
        assertThat(scheme.name()).isEqualTo("hmac");
    }

    @ParameterizedTest
    @EnumSource(HmacAlgorithm.class)
    void verifiesBase64SignatureWithEachAlgorithm(HmacAlgorithm algorithm) {
        SignatureScheme base64Scheme = SignatureSchemes.hmac(HmacOptions.builder()
                .header("X-Hookdeck-Signature")
                .algorithm(algorithm.jcaName())
                .encoding(SignatureEncoding.BASE64)
                .secrets(List.of(Secret.ofText(SECRET)))
                .build());
        String signature = base64(hmac(algorithm.jcaName(), utf8(SECRET), utf8(BODY)));

        Verification result = base64Scheme.verify(request("X-Hookdeck-Signature", signature), NOW);

        assertThat(result).isEqualTo(Verification.verified(null, null));
    }

    @Test
    void verifiesUnderEitherOfSeveralSecrets() {
        SignatureScheme rotating = SignatureSchemes.hmac(HmacOptions.builder()
                .header("X-Signature")
                .secrets(List.of(Secret.ofText("old"), Secret.ofText(SECRET)))
                .build());
        String signature = hex(hmac("HmacSHA256", utf8(SECRET), utf8(BODY)));

        Verification result = rotating.verify(request("X-Signature", signature), NOW);

        assertThat(result.isVerified()).isTrue();
    }

    @Test
    void rejectsTamperedBody() {
        String signature = "sha256=" + hex(hmac("HmacSHA256", utf8(SECRET), utf8(BODY)));
        WebhookRequest request = WebhookRequest.builder()
                .body(utf8("{\"order\":43}"))
                .header("X-Signature", signature)
                .build();

        Verification result = scheme.verify(request, NOW);

        assertRejected(result, Rejection.BAD_SIGNATURE, "X-Signature");
    }

    @Test
    void rejectsSignatureMadeWithAnotherSecret() {
        String signature = "sha256=" + hex(hmac("HmacSHA256", utf8("guessed"), utf8(BODY)));

        Verification result = scheme.verify(request("X-Signature", signature), NOW);

        Verification.Rejected rejected = assertRejected(result, Rejection.BAD_SIGNATURE, "X-Signature");
        assertThat(rejected.message()).doesNotContain(SECRET);
    }

    @Test
    void rejectsRequestWithoutSignatureHeader() {
        WebhookRequest request = WebhookRequest.builder()
                .body(utf8(BODY))
                .header("X-Request-Id", "req-7")
                .build();

        Verification result = scheme.verify(request, NOW);

        assertRejected(result, Rejection.MISSING_HEADER, "X-Signature");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sha1=00", "00ff", "sha256=not-hex", "sha256="})
    void rejectsMalformedSignatureHeader(String header) {
        WebhookRequest request = request("X-Signature", header);

        Verification result = scheme.verify(request, NOW);

        assertRejected(result, Rejection.MALFORMED_HEADER, "X-Signature");
    }

    @Test
    void verifiesExactBytesOfJsonWithUnusualSpacingKeyOrderAndUnicode() {
        String body = "{ \"b\":1 ,\"a\" : \"żółw ☃\" }";
        String signature = "sha256=" + hex(hmac("HmacSHA256", utf8(SECRET), utf8(body)));
        WebhookRequest request = WebhookRequest.builder()
                .body(utf8(body))
                .header("X-Signature", signature)
                .build();

        Verification result = scheme.verify(request, NOW);

        assertThat(result.isVerified()).isTrue();
    }

    private static WebhookRequest request(String header, String value) {
        return WebhookRequest.builder().body(utf8(BODY)).header(header, value).build();
    }
}
