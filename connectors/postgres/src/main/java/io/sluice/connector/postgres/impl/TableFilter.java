package io.sluice.connector.postgres.impl;

import io.sluice.event.DatabaseChange;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which changes a CDC source emits, from {@code table:action} entries as the OpenFaaS
 * postgres-connector writes its filters: {@code public.users:insert}, {@code users:*}, {@code
 * orders} (every action). A table without schema is in {@code public}; {@code *} stands for any
 * schema, table or action. No entry at all means every change of every table.
 *
 * <p>Names are compared as PostgreSQL stores them: lower case unless they were created quoted.
 * Tables are also handed to wal2json ({@code add-tables}) so that the server does not send the
 * others; actions are filtered here.
 */
final class TableFilter {

    private static final Set<String> ACTIONS = Set.of("insert", "update", "delete", "*");

    private final List<Rule> rules;

    private TableFilter(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** A rule: schema, table and action, each possibly {@code *}. */
    record Rule(String schema, String table, String action) {
        boolean matches(String schema, String table, String action) {
            return (this.schema.equals("*") || this.schema.equals(schema))
                    && (this.table.equals("*") || this.table.equals(table))
                    && (this.action.equals("*") || this.action.equals(action));
        }
    }

    /**
     * Parses the entries.
     *
     * @throws IllegalArgumentException naming the entry that is not {@code [schema.]table[:action]}
     */
    static TableFilter parse(List<String> entries) {
        List<Rule> rules = new ArrayList<>();
        for (String entry : entries) {
            rules.add(rule(entry.trim()));
        }
        return new TableFilter(rules);
    }

    private static Rule rule(String entry) {
        int colon = entry.lastIndexOf(':');
        String relation = colon < 0 ? entry : entry.substring(0, colon);
        String action = colon < 0 ? "*" : entry.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
        int dot = relation.indexOf('.');
        String schema = dot < 0 ? "public" : relation.substring(0, dot);
        String table = dot < 0 ? relation : relation.substring(dot + 1);
        if (schema.isEmpty() || table.isEmpty() || table.contains(".") || !ACTIONS.contains(action)) {
            throw new IllegalArgumentException(
                    "entry '" + entry + "' must be [schema.]table[:action] with action insert, update, delete or *");
        }
        return new Rule(schema, table, action);
    }

    /** Tells whether a change of this table and action is emitted. */
    boolean allows(String schema, String table, DatabaseChange.Action action) {
        if (rules.isEmpty()) {
            return true;
        }
        String lower = action.lowerCase();
        for (Rule rule : rules) {
            if (rule.matches(schema, table, lower)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The value of wal2json's {@code add-tables} option, or empty when every table is wanted.
     * Special characters in names are escaped with a backslash, as wal2json expects.
     */
    Optional<String> wal2jsonTables() {
        Set<String> tables = new LinkedHashSet<>();
        for (Rule rule : rules) {
            if (rule.schema().equals("*") && rule.table().equals("*")) {
                return Optional.empty();
            }
            tables.add(escape(rule.schema()) + "." + escape(rule.table()));
        }
        return tables.isEmpty() ? Optional.empty() : Optional.of(String.join(",", tables));
    }

    private static String escape(String name) {
        if (name.equals("*")) {
            return name;
        }
        StringBuilder escaped = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (c == ',' || c == '.' || c == '*' || c == ' ' || c == '\'' || c == '\\') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    @Override
    public String toString() {
        if (rules.isEmpty()) {
            return "every table";
        }
        List<String> entries = new ArrayList<>();
        rules.forEach(r -> entries.add(r.schema() + "." + r.table() + ":" + r.action()));
        return String.join(",", entries);
    }
}
