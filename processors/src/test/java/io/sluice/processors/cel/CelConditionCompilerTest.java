package io.sluice.processors.cel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.event.Event;
import io.sluice.event.Headers;
import io.sluice.pipeline.Condition;
import io.sluice.spi.ConditionCompiler;
import io.vertx.core.buffer.Buffer;
import java.time.Instant;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class CelConditionCompilerTest {

    private final ConditionCompiler compiler = new CelConditionCompiler();

    private static Event order() {
        return Event.builder()
                .id("o-1")
                .source("/shop")
                .type("order.created")
                .time(Instant.parse("2024-05-01T12:00:00Z"))
                .extension("position", "7")
                .headers(Headers.builder()
                        .add("X-Priority", "high")
                        .add("X-Tag", "a")
                        .add("X-Tag", "b")
                        .build())
                .dataContentType("application/json")
                .data(Buffer.buffer("{\"amount\": 100.5, \"items\": [{\"sku\": \"A-1\", \"qty\": 2}]}"))
                .build();
    }

    @Test
    void isTheConditionCompilerTheCoreFinds() {
        ConditionCompiler found =
                ServiceLoader.load(ConditionCompiler.class).findFirst().orElseThrow();

        assertThat(found).isInstanceOf(CelConditionCompiler.class);
    }

    @Test
    void seesEveryEventVariable() {
        String[] conditions = {
            "id == 'o-1' && source == '/shop' && type == 'order.created'",
            "subject == null",
            "datacontenttype == 'application/json'",
            "time == timestamp('2024-05-01T12:00:00Z')",
            "extensions.position == '7'",
            "headers['x-priority'] == 'high'",
            "header_values['x-tag'] == ['a', 'b']",
            "data.amount > 100",
            "data.items[0].sku == 'A-1' && data.items[0].qty == 2",
            "data.items.exists(i, i.qty * 2 == 4)",
            "!has(data.coupon)"
        };

        for (String condition : conditions) {
            assertThat(compiler.compile(condition).test(order())).as(condition).isTrue();
        }
    }

    @Test
    void dataIsNullWhenItIsNotJson() {
        Event text = order().toBuilder()
                .dataContentType("text/plain")
                .data(Buffer.buffer("{\"amount\": 1}"))
                .time(null)
                .build();

        assertThat(compiler.compile("data == null && time == null").test(text)).isTrue();
    }

    @Test
    void syntaxErrorReportsItsLineAndColumn() {
        assertThatThrownBy(() -> compiler.compile("type == 'a' &&\n  subject =="))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("2:13: ")
                .hasMessageContaining("mismatched input '<EOF>'");
    }

    @Test
    void typeErrorReportsItsPositionAndReason() {
        assertThatThrownBy(() -> compiler.compile("id + 1 == 'x'"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("1:4: found no matching overload for '_+_' applied to '(string, int)'");
    }

    @Test
    void conditionThatCannotYieldABoolIsRejected() {
        assertThatThrownBy(() -> compiler.compile("source"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("1:1: must yield a bool, but yields string");
    }

    @Test
    void readingAMissingFieldThrowsNamingTheExpression() {
        Condition condition = compiler.compile("data.customer.vip");

        assertThatThrownBy(() -> condition.test(order()))
                .isInstanceOf(EvaluationException.class)
                .hasMessageContaining("CEL expression 'data.customer.vip' failed")
                .hasMessageContaining("'customer'");
    }

    @Test
    void dynamicResultOtherThanABoolThrowsAtRunTime() {
        Condition condition = compiler.compile("data.amount");

        assertThatThrownBy(() -> condition.test(order()))
                .isInstanceOf(EvaluationException.class)
                .hasMessage("CEL expression 'data.amount' must yield a bool, but yielded double");
    }
}
