package io.sluice.connector.webhook.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemeOptionsTest {

    private static final List<Secret> SECRETS = List.of(Secret.ofText("s3cr3t"));

    @Test
    void rejectsEmptySecretListNamingTheOption() {
        List<Secret> none = List.of();

        assertThatThrownBy(() -> SignatureSchemes.github(none))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'secrets' must list at least one secret, but was []");
    }

    @Test
    void rejectsNullAmongSecrets() {
        List<Secret> withNull = new ArrayList<>(Arrays.asList(SECRETS.get(0), null));

        assertThatThrownBy(() -> SignatureSchemes.stripe(withNull))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'secrets' must not contain null, but element 1 was null");
    }

    @Test
    void rejectsNegativeToleranceNamingTheValue() {
        Duration negative = Duration.ofSeconds(-1);

        assertThatThrownBy(() -> SignatureSchemes.standardWebhooks(SECRETS, negative))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'tolerance' must be zero or positive, but was PT-1S");
    }

    @Test
    void rejectsUnknownAlgorithmListingTheSupportedOnes() {
        HmacOptions.Builder builder = HmacOptions.builder();

        assertThatThrownBy(() -> builder.algorithm("HmacMD5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'algorithm' must be one of HmacSHA1, HmacSHA256, HmacSHA512, but was 'HmacMD5'");
    }

    @Test
    void acceptsAlgorithmNameInAnyCase() {
        HmacAlgorithm algorithm = HmacAlgorithm.of("hmacsha512");

        assertThat(algorithm).isEqualTo(HmacAlgorithm.HMAC_SHA512);
    }

    @Test
    void rejectsUnknownEncoding() {
        assertThatThrownBy(() -> SignatureEncoding.of("base32"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'encoding' must be one of hex, base64, but was 'base32'");
    }

    @Test
    void rejectsHmacOptionsWithoutSignatureHeader() {
        HmacOptions.Builder builder = HmacOptions.builder().secrets(SECRETS);

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'header' must be an HTTP header name, but was 'null'");
    }

    @Test
    void rejectsHeaderNameThatIsNotAnHttpToken() {
        HmacOptions.Builder builder = HmacOptions.builder();

        assertThatThrownBy(() -> builder.idHeader("X Request Id"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'id-header' must be an HTTP header name, but was 'X Request Id'");
    }

    @Test
    void rejectsHmacOptionsWithoutSecrets() {
        HmacOptions.Builder builder = HmacOptions.builder().header("X-Signature");

        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'secrets' must list at least one secret, but was null");
    }

    @Test
    void acceptsZeroTolerance() {
        Duration zero = Duration.ZERO;

        assertThatCode(() -> SignatureSchemes.stripe(SECRETS, zero)).doesNotThrowAnyException();
    }
}
