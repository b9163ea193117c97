package io.sluice.connector.postgres.impl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Values as {@code to_jsonb} writes them, from what wal2json sends. */
class PgValuesTest {

    private static Object text(String type, String value) {
        return PgValues.convert(type, JsonNodeFactory.instance.textNode(value));
    }

    @Test
    void jsonAndJsonbAreNested() {
        Object value = text("jsonb", "{\"a\": [1, 2.50], \"b\": {\"c\": null}}");

        assertThat(value).isInstanceOf(JsonObject.class);
        assertThat(((JsonObject) value).encode()).isEqualTo("{\"a\":[1,2.50],\"b\":{\"c\":null}}");
    }

    @Test
    void numbersKeepEveryDigit() {
        Object value = PgValues.convert(
                "numeric", JsonNodeFactory.instance.numberNode(new BigDecimal("12345678901234567890.123456789")));

        assertThat(value).isEqualTo(new BigDecimal("12345678901234567890.123456789"));
    }

    @Test
    void arraysBecomeJsonArraysOfTheirElementType() {
        assertThat(((JsonArray) text("integer[]", "{1,NULL,3}")).encode()).isEqualTo("[1,null,3]");
        assertThat(((JsonArray) text("integer[]", "{{1,2},{3,4}}")).encode()).isEqualTo("[[1,2],[3,4]]");
        assertThat(text("text[]", "{plain,\"with space\",\"quote\\\"d\",\"NULL\"}"))
                .isEqualTo(new JsonArray()
                        .add("plain")
                        .add("with space")
                        .add("quote\"d")
                        .add("NULL"));
        assertThat(((JsonArray) text("boolean[]", "{t,f}")).encode()).isEqualTo("[true,false]");
        assertThat(((JsonArray) text("numeric[]", "[0:1]={1.50,NaN}")).encode()).isEqualTo("[1.50,\"NaN\"]");
        assertThat(text("text[]", "{}")).isEqualTo(new JsonArray());
    }

    @Test
    void timestampsAreIso8601() {
        assertThat(text("timestamp with time zone", "2024-03-08 13:14:16.417+00"))
                .isEqualTo("2024-03-08T13:14:16.417+00:00");
        assertThat(text("timestamp with time zone", "2024-03-08 13:14:16+05:30"))
                .isEqualTo("2024-03-08T13:14:16+05:30");
        assertThat(text("timestamp without time zone", "2024-03-08 13:14:16")).isEqualTo("2024-03-08T13:14:16");
        assertThat(text("timestamp with time zone", "infinity")).isEqualTo("infinity");
    }

    @Test
    void byteaIsBackslashXHex() {
        assertThat(text("bytea", "0102ff")).isEqualTo("\\x0102ff");
    }

    @Test
    void otherTypesStayText() {
        assertThat(text("uuid", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"))
                .isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        assertThat(PgValues.convert("text", null)).isNull();
    }
}
