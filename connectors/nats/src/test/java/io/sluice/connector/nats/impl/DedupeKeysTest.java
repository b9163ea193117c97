package io.sluice.connector.nats.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.nats.client.support.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

class DedupeKeysTest {

    @Test
    void anyKeyBecomesABucketKeyJetStreamAccepts() {
        List<String> keys =
                List.of("o-42", "[7,\"paid\"]", "ada@example.com", "a.b.*.>", " ", "", "ünïcödé ✓", "x".repeat(10_000));

        for (String key : keys) {
            String name = DedupeKeys.of("orders", key);

            assertThatCode(() -> Validator.validateNonWildcardKvKeyRequired(name))
                    .as(key)
                    .doesNotThrowAnyException();
            assertThat(name).as(key).hasSize("orders.".length() + 43);
        }
    }

    @Test
    void theRouteNameStaysReadableAndTheKeyDoesNotLeak() {
        String name = DedupeKeys.of("big-paid_orders", "ada@example.com");

        assertThat(name).startsWith("big-paid_orders.").doesNotContain("ada").doesNotContain("example");
    }

    @Test
    void sameKeySameNameOtherKeyOrRouteOtherName() {
        assertThat(DedupeKeys.of("orders", "o-1")).isEqualTo(DedupeKeys.of("orders", "o-1"));
        assertThat(DedupeKeys.of("orders", "o-1")).isNotEqualTo(DedupeKeys.of("orders", "o-2"));
        assertThat(DedupeKeys.of("orders", "o-1")).isNotEqualTo(DedupeKeys.of("refunds", "o-1"));
    }

    @Test
    void aRouteNameWithOtherCharactersIsEncodedApartFromPlainNames() {
        String dotted = DedupeKeys.of("orders.paid", "o-1");
        String spaced = DedupeKeys.of("orders paid", "o-1");

        assertThatCode(() -> Validator.validateNonWildcardKvKeyRequired(dotted)).doesNotThrowAnyException();
        assertThatCode(() -> Validator.validateNonWildcardKvKeyRequired(spaced)).doesNotThrowAnyException();
        assertThat(dotted).startsWith("=").doesNotStartWith("orders").isNotEqualTo(spaced);
        assertThat(dotted.split("\\.")).hasSize(2);
    }
}
