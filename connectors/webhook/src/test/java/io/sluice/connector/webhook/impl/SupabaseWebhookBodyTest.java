package io.sluice.connector.webhook.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.sluice.event.DatabaseChange;
import io.sluice.event.DatabaseChange.Action;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SupabaseWebhookBodyTest {

    private static DatabaseChange parse(String json) {
        return SupabaseWebhookBody.parse(Buffer.buffer(json));
    }

    private static JsonObject body(String type, Object record, Object oldRecord) {
        return new JsonObject()
                .put("type", type)
                .put("table", "orders")
                .put("schema", "public")
                .put("record", record)
                .put("old_record", oldRecord);
    }

    @Test
    void readsAnInsertWithItsRecord() {
        DatabaseChange change =
                parse(body("INSERT", new JsonObject().put("id", 1), null).encode());

        assertThat(change.action()).isEqualTo(Action.INSERT);
        assertThat(change.schema()).isEqualTo("public");
        assertThat(change.table()).isEqualTo("orders");
        assertThat(change.record()).isEqualTo(new JsonObject().put("id", 1));
        assertThat(change.oldRecord()).isNull();
    }

    @Test
    void readsAnUpdateWithBothRows() {
        DatabaseChange change = parse(body("UPDATE", new JsonObject().put("v", 2), new JsonObject().put("v", 1))
                .encode());

        assertThat(change.action()).isEqualTo(Action.UPDATE);
        assertThat(change.record().getInteger("v")).isEqualTo(2);
        assertThat(change.oldRecord().getInteger("v")).isEqualTo(1);
    }

    @Test
    void readsADeleteWhoseRecordIsAbsent() {
        DatabaseChange change = parse(
                "{\"type\":\"DELETE\",\"table\":\"orders\",\"schema\":\"public\"," + "\"old_record\":{\"id\":3}}");

        assertThat(change.action()).isEqualTo(Action.DELETE);
        assertThat(change.record()).isNull();
        assertThat(change.oldRecord().getInteger("id")).isEqualTo(3);
    }

    static Stream<Arguments> notChanges() {
        return Stream.of(
                arguments(
                        "{'table':'t','schema':'s','record':{}}", "field 'type' must be one of INSERT, UPDATE, DELETE"),
                arguments("{'type':'insert','table':'t','schema':'s','record':{}}", "got \"insert\""),
                arguments("{'type':'TRUNCATE','table':'t','schema':'s'}", "field 'type'"),
                arguments(
                        "{'type':'INSERT','schema':'s','record':{}}",
                        "field 'table' must be a non-empty string, got null"),
                arguments("{'type':'INSERT','table':'','schema':'s','record':{}}", "field 'table'"),
                arguments(
                        "{'type':'INSERT','table':'t','schema':7,'record':{}}",
                        "field 'schema' must be a non-empty string, got 7"),
                arguments(
                        "{'type':'INSERT','table':'t','schema':'s','record':null}",
                        "field 'record' must be an object for INSERT"),
                arguments(
                        "{'type':'INSERT','table':'t','schema':'s','record':{},'old_record':{}}",
                        "field 'old_record' must be null for INSERT, got an object"),
                arguments(
                        "{'type':'UPDATE','table':'t','schema':'s','record':{},'old_record':[]}",
                        "field 'old_record' must be an object for UPDATE, got an array"),
                arguments(
                        "{'type':'DELETE','table':'t','schema':'s','record':{},'old_record':{}}",
                        "field 'record' must be null for DELETE"),
                arguments(
                        "{'type':'DELETE','table':'t','schema':'s'}",
                        "field 'old_record' must be an object for DELETE"),
                arguments("[1,2]", "body is not a JSON object"),
                arguments("{not json", "body is not JSON"));
    }

    @ParameterizedTest
    @MethodSource("notChanges")
    void rejectsABodyThatIsNotAChangeNamingWhatIsWrong(String json, String message) {
        assertThatThrownBy(() -> parse(json.replace('\'', '"')))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void rejectsAnEmptyBody() {
        assertThatThrownBy(() -> parse("")).hasMessageContaining("body is empty");
    }

    @Test
    void neverQuotesARowInItsMessage() {
        String secretRow = "{\"type\":\"DELETE\",\"table\":\"t\",\"schema\":\"s\","
                + "\"record\":{\"password\":\"hunter2\"},\"old_record\":{}}";

        assertThatThrownBy(() -> parse(secretRow)).message().doesNotContain("hunter2");
    }
}
