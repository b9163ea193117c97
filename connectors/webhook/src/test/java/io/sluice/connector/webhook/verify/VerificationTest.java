package io.sluice.connector.webhook.verify;

import static io.sluice.connector.webhook.verify.Signing.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VerificationTest {

    @ParameterizedTest
    @CsvSource({"MISSING_HEADER, 401", "MALFORMED_HEADER, 401", "BAD_SIGNATURE, 401", "TIMESTAMP_OUT_OF_TOLERANCE, 400"
    })
    void mapsEachRejectionToItsHttpStatus(Rejection reason, int status) {
        Verification.Rejected rejected = Verification.rejected(reason, "header 'x' failed");

        int answered = rejected.httpStatus();

        assertThat(answered).isEqualTo(status);
        assertThat(rejected.isVerified()).isFalse();
    }

    @Test
    void noneSchemeVerifiesAnyRequestWithoutIdOrType() {
        WebhookRequest unsigned =
                WebhookRequest.builder().body(utf8("anything")).build();

        Verification result = SignatureSchemes.none().verify(unsigned, Instant.EPOCH);

        assertThat(result).isEqualTo(Verification.verified(null, null));
        assertThat(SignatureSchemes.none().name()).isEqualTo("none");
    }
}
