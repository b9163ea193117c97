package io.sluice.connector.webhook.verify;

import static io.sluice.connector.webhook.verify.Signing.assertRejected;
import static io.sluice.connector.webhook.verify.Signing.base64;
import static io.sluice.connector.webhook.verify.Signing.hmac;
import static io.sluice.connector.webhook.verify.Signing.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StandardWebhooksSchemeTest {

    // The test vector published with the Standard Webhooks reference libraries.
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final String TIMESTAMP = "1614265330";
    private static final String BODY = "{\"test\": 2432232314}";
    private static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static final Instant SENT = Instant.ofEpochSecond(Long.parseLong(TIMESTAMP));
    private static final String OTHER_SECRET = "whsec_" + base64(utf8("another key of 24 bytes!"));

    private final SignatureScheme scheme =
            SignatureSchemes.standardWebhooks(List.of(Secret.ofStandardWebhooks(SECRET)));

    @Test
    void publishedTestVectorMatchesAnHmacComputedIndependently() {
        byte[] key = Base64.getDecoder().decode(SECRET.substring("whsec_".length()));

        String computed = "v1," + base64(hmac("HmacSHA256", key, utf8(ID + "." + TIMESTAMP + "." + BODY)));

        assertThat(computed).isEqualTo(SIGNATURE);
    }

    @Test
    void verifiesPublishedTestVector() {
        WebhookRequest request = request(BODY, SIGNATURE);

        Verification result = scheme.verify(request, SENT);

        assertThat(result).isEqualTo(Verification.verified(ID, null));
    }

    @Test
    void verifiesWhenOneOfSeveralSignaturesMatchesAndSkipsUnknownVersions() {
        String others = "v1," + base64(new byte[32]) + " v1a,c2lnbmVkIGJ5IGVkMjU1MTk= v2,Zm9v";
        WebhookRequest request = request(BODY, others + " " + SIGNATURE);

        Verification result = scheme.verify(request, SENT);

        assertThat(result.isVerified()).isTrue();
    }

    @Test
    void verifiesUnderEitherOfSeveralSecrets() {
        SignatureScheme rotating = SignatureSchemes.standardWebhooks(
                List.of(Secret.ofStandardWebhooks(OTHER_SECRET), Secret.ofStandardWebhooks(SECRET)));

        Verification result = rotating.verify(request(BODY, SIGNATURE), SENT);

        assertThat(result.isVerified()).isTrue();
    }

    @Test
    void rejectsTamperedBody() {
        WebhookRequest request = request("{\"test\": 2432232315}", SIGNATURE);

        Verification result = scheme.verify(request, SENT);

        Verification.Rejected rejected = assertRejected(result, Rejection.BAD_SIGNATURE, "webhook-signature");
        assertThat(rejected.httpStatus()).isEqualTo(401);
    }

    @Test
    void rejectsSignatureMadeWithAnotherSecret() {
        SignatureScheme other = SignatureSchemes.standardWebhooks(List.of(Secret.ofStandardWebhooks(OTHER_SECRET)));

        Verification result = other.verify(request(BODY, SIGNATURE), SENT);

        Verification.Rejected rejected = assertRejected(result, Rejection.BAD_SIGNATURE, "webhook-signature");
        assertThat(rejected.message()).doesNotContain(SECRET.substring(6), OTHER_SECRET.substring(6), "g0hM9SsE");
    }

    @Test
    void rejectsTimestampOlderThanTolerance() {
        Instant later = SENT.plus(Duration.ofMinutes(5)).plusSeconds(1);

        Verification result = scheme.verify(request(BODY, SIGNATURE), later);

        Verification.Rejected rejected =
                assertRejected(result, Rejection.TIMESTAMP_OUT_OF_TOLERANCE, "webhook-timestamp");
        assertThat(rejected.httpStatus()).isEqualTo(400);
        assertThat(rejected.message()).contains("301 s in the past", "300 s");
    }

    @Test
    void rejectsTimestampFurtherInTheFutureThanTolerance() {
        Instant earlier = SENT.minus(Duration.ofMinutes(5)).minusSeconds(1);

        Verification result = scheme.verify(request(BODY, SIGNATURE), earlier);

        Verification.Rejected rejected =
                assertRejected(result, Rejection.TIMESTAMP_OUT_OF_TOLERANCE, "webhook-timestamp");
        assertThat(rejected.message()).contains("in the future");
    }

    @Test
    void acceptsTimestampExactlyAtTheToleranceInBothDirections() {
        WebhookRequest request = request(BODY, SIGNATURE);

        Verification late = scheme.verify(request, SENT.plusSeconds(300));
        Verification early = scheme.verify(request, SENT.minusSeconds(300));

        assertThat(late.isVerified()).isTrue();
        assertThat(early.isVerified()).isTrue();
    }

    @Test
    void rejectsBadSignatureBeforeJudgingTheTimestamp() {
        WebhookRequest request = request("{}", SIGNATURE);

        Verification result = scheme.verify(request, SENT.plus(Duration.ofDays(1)));

        assertRejected(result, Rejection.BAD_SIGNATURE, "webhook-signature");
    }

    @ParameterizedTest
    @ValueSource(strings = {"webhook-id", "webhook-timestamp", "webhook-signature"})
    void rejectsRequestMissingHeader(String missing) {
        Map<String, String> headers =
                new HashMap<>(Map.of("webhook-id", ID, "webhook-timestamp", TIMESTAMP, "webhook-signature", SIGNATURE));
        headers.remove(missing);
        WebhookRequest request = WebhookRequest.builder()
                .body(utf8(BODY))
                .headers(headers.entrySet())
                .build();

        Verification result = scheme.verify(request, SENT);

        Verification.Rejected rejected = assertRejected(result, Rejection.MISSING_HEADER, missing);
        assertThat(rejected.httpStatus()).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", "v1:abc", "v1,%%%", "v1a,Zm9v"})
    void rejectsSignatureHeaderWithoutUsableV1Entry(String header) {
        WebhookRequest request = request(BODY, header);

        Verification result = scheme.verify(request, SENT);

        assertRejected(result, Rejection.MALFORMED_HEADER, "webhook-signature");
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "1614265330.5", "-1614265330", "99999999999999999999"})
    void rejectsTimestampThatIsNotWholeUnixSeconds(String timestamp) {
        WebhookRequest request = WebhookRequest.builder()
                .body(utf8(BODY))
                .header("webhook-id", ID)
                .header("webhook-timestamp", timestamp)
                .header("webhook-signature", SIGNATURE)
                .build();

        Verification result = scheme.verify(request, SENT);

        assertRejected(result, Rejection.MALFORMED_HEADER, "webhook-timestamp");
    }

    @Test
    void rejectsRepeatedIdHeaderBecauseTheSignedCopyIsUnknowable() {
        WebhookRequest request = WebhookRequest.builder()
                .body(utf8(BODY))
                .header("webhook-id", ID)
                .header("Webhook-Id", "msg_other")
                .header("webhook-timestamp", TIMESTAMP)
                .header("webhook-signature", SIGNATURE)
                .build();

        Verification result = scheme.verify(request, SENT);

        assertRejected(result, Rejection.MALFORMED_HEADER, "webhook-id");
    }

    @Test
    void verifiesExactBytesOfJsonWithUnusualSpacingKeyOrderAndUnicodeAndReadsItsType() {
        String body = "{ \"b\":1 ,\"a\" : \"żółw ☃\",\n\t\"type\":\"invoice.paid\"  }";
        byte[] key = Secret.ofStandardWebhooks(SECRET).bytes();
        String signature = "v1," + base64(hmac("HmacSHA256", key, utf8(ID + "." + TIMESTAMP + "."), utf8(body)));

        Verification result = scheme.verify(request(body, signature), SENT);

        assertThat(result).isEqualTo(Verification.verified(ID, "invoice.paid"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[{\"type\":\"a\"}]", "{\"type\":5}", "{\"data\":{\"type\":\"nested\"}}", "plain", ""})
    void reportsNoTypeWhenBodyHasNoTopLevelStringType(String body) {
        byte[] key = Secret.ofStandardWebhooks(SECRET).bytes();
        String signature = "v1," + base64(hmac("HmacSHA256", key, utf8(ID + "." + TIMESTAMP + "."), utf8(body)));

        Verification result = scheme.verify(request(body, signature), SENT);

        assertThat(result).isEqualTo(Verification.verified(ID, null));
    }

    @Test
    void readsHeadersInAnyCase() {
        WebhookRequest request = WebhookRequest.builder()
                .body(utf8(BODY))
                .header("Webhook-ID", ID)
                .header("WEBHOOK-TIMESTAMP", TIMESTAMP)
                .header("Webhook-Signature", SIGNATURE)
                .build();

        Verification result = scheme.verify(request, SENT);

        assertThat(result).isEqualTo(Verification.verified(ID, null));
    }

    private static WebhookRequest request(String body, String signature) {
        return WebhookRequest.builder()
                .body(utf8(body))
                .contentType("application/json")
                .header("webhook-id", ID)
                .header("webhook-timestamp", TIMESTAMP)
                .header("webhook-signature", signature)
                .build();
    }
}
