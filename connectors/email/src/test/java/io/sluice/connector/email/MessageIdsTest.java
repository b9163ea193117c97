package io.sluice.connector.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.event.Event;
import org.junit.jupiter.api.Test;

class MessageIdsTest {

    private static Event event(String source, String id) {
        return Event.builder().source(source).id(id).type("t").build();
    }

    @Test
    void sameSourceAndIdGiveTheSameMessageId() {
        Event first = event("/shop/orders", "42");
        Event redelivered = first.toBuilder().build();

        String id = MessageIds.messageId(MessageIds.key(first));

        assertThat(MessageIds.messageId(MessageIds.key(redelivered))).isEqualTo(id);
        assertThat(id).matches("<[0-9a-f]{64}@sluice>");
    }

    @Test
    void sourceAndIdAreNotAmbiguousWhenConcatenated() {
        String split1 = MessageIds.key(event("/sources/a", "b-1"));

        String split2 = MessageIds.key(event("/sources/ab", "-1"));

        assertThat(split1).isNotEqualTo(split2);
    }
}
