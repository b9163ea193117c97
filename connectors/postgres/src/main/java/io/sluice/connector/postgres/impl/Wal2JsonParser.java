package io.sluice.connector.postgres.impl;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.connector.postgres.impl.WalRecord.ColumnValue;
import io.sluice.event.DatabaseChange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one record of wal2json's format-version 2 ({@code format-version=2}, with {@code
 * include-xids}, {@code include-timestamp} and {@code include-lsn}).
 */
final class Wal2JsonParser {

    private Wal2JsonParser() {}

    /**
     * Parses the record.
     *
     * @throws IllegalArgumentException naming what is missing or malformed
     */
    static WalRecord parse(byte[] bytes) {
        JsonNode root;
        try {
            root = PgValues.JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("wal2json record is not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("wal2json record is not a JSON object");
        }
        String action = required(root, "action");
        switch (action) {
            case "B":
                return new WalRecord.Begin(
                        root.path("xid").asLong(),
                        PgText.instant(root.path("timestamp").asText(null)));
            case "C":
                return new WalRecord.Commit(Lsn.parse(required(root, "nextlsn")));
            case "M":
                return new WalRecord.Message(
                        Lsn.parse(required(root, "lsn")),
                        root.path("transactional").asBoolean(false),
                        root.path("prefix").asText(""));
            case "I":
                return change(root, DatabaseChange.Action.INSERT);
            case "U":
                return change(root, DatabaseChange.Action.UPDATE);
            case "D":
                return change(root, DatabaseChange.Action.DELETE);
            default:
                return new WalRecord.Skipped(action);
        }
    }

    private static WalRecord.Change change(JsonNode root, DatabaseChange.Action action) {
        String lsn = required(root, "lsn");
        Lsn.parse(lsn);
        return new WalRecord.Change(
                action,
                lsn,
                required(root, "schema"),
                required(root, "table"),
                root.has("columns") ? columns(root.get("columns")) : null,
                root.has("identity") ? columns(root.get("identity")) : null);
    }

    private static List<ColumnValue> columns(JsonNode array) {
        if (!array.isArray()) {
            throw new IllegalArgumentException("wal2json columns are not an array");
        }
        List<ColumnValue> columns = new ArrayList<>(array.size());
        for (JsonNode column : array) {
            columns.add(new ColumnValue(required(column, "name"), required(column, "type"), column.get("value")));
        }
        return columns;
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("wal2json record has no '" + field + "'");
        }
        return value.asText();
    }
}
