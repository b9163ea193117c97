package io.sluice.connector.supabase.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.connector.supabase.FakeRealtimeServer;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccessTokenTest {

    @Test
    void readsExpWithoutCheckingTheSignature() {
        String jwt = FakeRealtimeServer.jwt(1_900_000_000L);

        AccessToken token = AccessToken.parse(jwt + "\n");

        assertThat(token.jwt()).isEqualTo(jwt);
        assertThat(token.expiresAt()).isEqualTo(Instant.ofEpochSecond(1_900_000_000L));
        assertThat(token.expiresBefore(Instant.ofEpochSecond(1_900_000_001L))).isTrue();
        assertThat(token.toString()).doesNotContain(jwt);
    }

    @Test
    void rejectsWhatIsNotAJwtWithoutQuotingIt() {
        assertThatThrownBy(() -> AccessToken.parse("secret-value"))
                .hasMessage("is not a JWT (header.payload.signature)");
        assertThatThrownBy(() -> AccessToken.parse("a.!!!.c"))
                .hasMessageContaining("base64url")
                .hasMessageNotContaining("!!!");
    }
}
