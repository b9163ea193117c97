package io.sluice.connector.ai.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SseReaderTest {

    private static final String STREAM = ": keep-alive\r\n\r\n"
            + "data: {\"model\":\"m1\",\"choices\":[{\"index\":0,"
            + "\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n"
            + "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Grüß \"}}]}\n\n"
            + "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Gott\"},\"finish_reason\":\"stop\"}]}\n\n"
            + "data: {\"choices\":[],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2,\"total_tokens\":5}}\n\n"
            + "data: [DONE]\n\n";

    @Test
    void assemblesContentUsageAndFinishReason() {
        SseReader reader = new SseReader();

        reader.feed(Buffer.buffer(STREAM));

        assertThat(reader.done()).isTrue();
        ChatResult result = reader.result();
        assertThat(result.content()).isEqualTo("Grüß Gott");
        assertThat(result.model()).isEqualTo("m1");
        assertThat(result.finishReason()).isEqualTo("stop");
        assertThat(result.totalTokens()).isEqualTo(5);
    }

    @Test
    void toleratesChunksSplitAnywhereEvenInsideACharacter() {
        byte[] bytes = STREAM.getBytes(StandardCharsets.UTF_8);
        SseReader reader = new SseReader();

        for (byte b : bytes) {
            reader.feed(Buffer.buffer(new byte[] {b}));
        }

        assertThat(reader.done()).isTrue();
        assertThat(reader.result().content()).isEqualTo("Grüß Gott");
    }

    @Test
    void isNotDoneUntilTheDoneMarker() {
        SseReader reader = new SseReader();

        reader.feed(Buffer.buffer(STREAM.substring(0, STREAM.indexOf("data: [DONE]"))));

        assertThat(reader.done()).isFalse();
    }

    @Test
    void errorInTheStreamFailsTheRead() {
        SseReader reader = new SseReader();

        assertThatThrownBy(() -> reader.feed(Buffer.buffer("data: {\"error\":{\"message\":\"overloaded\"}}\n\n")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("overloaded");
    }
}
