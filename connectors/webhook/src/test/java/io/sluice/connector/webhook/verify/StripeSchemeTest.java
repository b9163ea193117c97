package io.sluice.connector.webhook.verify;

import static io.sluice.connector.webhook.verify.Signing.assertRejected;
import static io.sluice.connector.webhook.verify.Signing.hex;
import static io.sluice.connector.webhook.verify.Signing.hmac;
import static io.sluice.connector.webhook.verify.Signing.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StripeSchemeTest {

    // Stripe uses the whole endpoint secret text, whsec_ included, as the HMAC key.
    private static final String SECRET = "whsec_test_secret_for_sluice";
    private static final String OTHER_SECRET = "whsec_rotated_secret_for_sluice";
    private static final long T = 1_700_000_000L;
    private static final Instant SENT = Instant.ofEpochSecond(T);
    private static final String BODY = "{\n  \"id\": \"evt_1NG8Du2eZvKYlo2CUI79vXWy\",\n  \"object\": \"event\",\n"
            + "  \"type\": \"payment_intent.succeeded\"\n}";

    private final SignatureScheme scheme = SignatureSchemes.stripe(List.of(Secret.ofText(SECRET)));

    @Test
    void verifiesAndReadsEventIdAndTypeFromTheBody() {
        WebhookRequest request = request(BODY, "t=" + T + ",v1=" + sign(SECRET, T, BODY));

        Verification result = scheme.verify(request, SENT);

        assertThat(result).isEqualTo(Verification.verified("evt_1NG8Du2eZvKYlo2CUI79vXWy", "payment_intent.succeeded"));
    }

    @Test
    void verifiesWhenOneOfSeveralV1SignaturesMatchesAndIgnoresV0() {
        String header =
                "t=" + T + ",v1=" + hex(new byte[32]) + ",v1=" + sign(SECRET, T, BODY) + ",v0=" + hex(new byte[32]);

        Verification result = scheme.verify(request(BODY, header), SENT);

        assertThat(result.isVerified()).isTrue();
    }

    @Test
    void verifiesUnderEitherOfSeveralSecrets() {
        SignatureScheme rotating = SignatureSchemes.stripe(List.of(Secret.ofText(SECRET), Secret.ofText(OTHER_SECRET)));
        WebhookRequest request = request(BODY, "t=" + T + ",v1=" + sign(OTHER_SECRET, T, BODY));

        Verification result = rotating.verify(request, SENT);

        assertThat(result.isVerified()).isTrue();
    }

    @Test
    void rejectsTamperedBody() {
        String header = "t=" + T + ",v1=" + sign(SECRET, T, BODY);

        Verification result = scheme.verify(request(BODY.replace("succeeded", "failed"), header), SENT);

        assertRejected(result, Rejection.BAD_SIGNATURE, "Stripe-Signature");
    }

    @Test
    void rejectsTimestampThatWasNotTheOneSigned() {
        String header = "t=" + (T + 1) + ",v1=" + sign(SECRET, T, BODY);

        Verification result = scheme.verify(request(BODY, header), SENT);

        assertRejected(result, Rejection.BAD_SIGNATURE, "Stripe-Signature");
    }

    @Test
    void rejectsSignatureMadeWithAnotherSecret() {
        String expected = sign(SECRET, T, BODY);
        String header = "t=" + T + ",v1=" + sign(OTHER_SECRET, T, BODY);

        Verification result = scheme.verify(request(BODY, header), SENT);

        Verification.Rejected rejected = assertRejected(result, Rejection.BAD_SIGNATURE, "Stripe-Signature");
        assertThat(rejected.message()).doesNotContain(SECRET, expected);
    }

    @Test
    void rejectsTimestampOlderThanDefaultToleranceOf300Seconds() {
        WebhookRequest request = request(BODY, "t=" + T + ",v1=" + sign(SECRET, T, BODY));

        Verification atLimit = scheme.verify(request, SENT.plusSeconds(300));
        Verification beyond = scheme.verify(request, SENT.plusSeconds(301));

        assertThat(atLimit.isVerified()).isTrue();
        Verification.Rejected rejected =
                assertRejected(beyond, Rejection.TIMESTAMP_OUT_OF_TOLERANCE, "Stripe-Signature");
        assertThat(rejected.httpStatus()).isEqualTo(400);
    }

    @Test
    void rejectsTimestampFurtherInTheFutureThanTolerance() {
        SignatureScheme strict = SignatureSchemes.stripe(List.of(Secret.ofText(SECRET)), Duration.ofSeconds(30));
        WebhookRequest request = request(BODY, "t=" + T + ",v1=" + sign(SECRET, T, BODY));

        Verification result = strict.verify(request, SENT.minusSeconds(31));

        Verification.Rejected rejected =
                assertRejected(result, Rejection.TIMESTAMP_OUT_OF_TOLERANCE, "Stripe-Signature");
        assertThat(rejected.message()).contains("31 s in the future", "30 s");
    }

    @Test
    void rejectsRequestWithoutSignatureHeader() {
        WebhookRequest request = WebhookRequest.builder().body(utf8(BODY)).build();

        Verification result = scheme.verify(request, SENT);

        assertRejected(result, Rejection.MISSING_HEADER, "Stripe-Signature");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "v1=00",
                "t=,v1=00",
                "t=soon,v1=00",
                "t=1700000000",
                "t=1700000000,v0=00",
                "t=1700000000,v1=zz",
                "t=1700000000,t=1700000001,v1=00",
                "garbage"
            })
    void rejectsMalformedSignatureHeader(String header) {
        WebhookRequest request = request(BODY, header);

        Verification result = scheme.verify(request, SENT);

        assertRejected(result, Rejection.MALFORMED_HEADER, "Stripe-Signature");
    }

    @Test
    void verifiesExactBytesOfJsonWithUnusualSpacingKeyOrderAndUnicode() {
        String body = "{ \"b\":1 ,\"a\" : \"żółw ☃\" , \"type\":\"charge.refunded\",\"id\" :\"evt_ż\"}";
        WebhookRequest request = request(body, "t=" + T + ",v1=" + sign(SECRET, T, body));

        Verification result = scheme.verify(request, SENT);

        assertThat(result).isEqualTo(Verification.verified("evt_ż", "charge.refunded"));
    }

    @Test
    void verifiesBodyThatIsNotJsonWithoutIdOrType() {
        String body = "not json at all";
        WebhookRequest request = request(body, "t=" + T + ",v1=" + sign(SECRET, T, body));

        Verification result = scheme.verify(request, SENT);

        assertThat(result).isEqualTo(Verification.verified(null, null));
    }

    private static String sign(String secret, long timestamp, String body) {
        return hex(hmac("HmacSHA256", utf8(secret), utf8(timestamp + "."), utf8(body)));
    }

    private static WebhookRequest request(String body, String signature) {
        return WebhookRequest.builder()
                .body(utf8(body))
                .contentType("application/json; charset=utf-8")
                .header("Stripe-Signature", signature)
                .build();
    }
}
