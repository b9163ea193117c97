package io.sluice.connector.webhook.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.event.Headers;
import io.vertx.core.MultiMap;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ForwardedHeadersTest {

    @Test
    void keepsTheSendersHeadersIncludingSignaturesInArrivalOrder() {
        MultiMap request = MultiMap.caseInsensitiveMultiMap()
                .add("X-Hub-Signature-256", "sha256=ab")
                .add("X-GitHub-Event", "push")
                .add("Accept", "a")
                .add("accept", "b");

        Headers headers = ForwardedHeaders.of(request, Set.of());

        assertThat(headers.first("x-hub-signature-256")).isEqualTo("sha256=ab");
        assertThat(headers.first("X-GitHub-Event")).isEqualTo("push");
        assertThat(headers.all("Accept")).containsExactly("a", "b");
    }

    @Test
    void dropsCredentialsHopByHopHeadersAndWhatTheSourceNames() {
        MultiMap request = MultiMap.caseInsensitiveMultiMap()
                .add("authorization", "Bearer x")
                .add("Cookie", "c=1")
                .add("Connection", "keep-alive, X-Trace")
                .add("X-Trace", "1")
                .add("Transfer-Encoding", "chunked")
                .add("Content-Length", "12")
                .add("X-Webhook-Secret", "s")
                .add("Content-Type", "application/json");

        Headers headers = ForwardedHeaders.of(request, Set.of("x-webhook-secret"));

        assertThat(headers.asMap().keySet()).containsExactly("Content-Type");
    }
}
