package io.sluice.connector.openfaas.wire;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compact JSON written the way Go's {@code encoding/json} writes it, so that messages Sluice
 * publishes are byte-identical to a Go gateway's.
 *
 * <p>Go differs from most JSON writers in three ways that matter here: it escapes {@code <},
 * {@code >} and {@code &} as six-character unicode escapes (HTML safety, on by default); it
 * escapes U+2028 and U+2029; and it sorts map keys by their UTF-8 bytes. Control characters use
 * the short escapes where Go 1.22+ does ({@code \b \f \n \r \t}) and unicode escapes otherwise.
 */
final class GoJsonWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out = new StringBuilder(256);
    private boolean needsComma;

    GoJsonWriter beginObject() {
        separate();
        out.append('{');
        needsComma = false;
        return this;
    }

    GoJsonWriter endObject() {
        out.append('}');
        needsComma = true;
        return this;
    }

    GoJsonWriter name(String name) {
        separate();
        string(name);
        out.append(':');
        needsComma = false;
        return this;
    }

    GoJsonWriter value(String value) {
        separate();
        string(value);
        needsComma = true;
        return this;
    }

    GoJsonWriter value(boolean value) {
        separate();
        out.append(value);
        needsComma = true;
        return this;
    }

    GoJsonWriter nullValue() {
        separate();
        out.append("null");
        needsComma = true;
        return this;
    }

    GoJsonWriter stringArray(List<String> values) {
        separate();
        out.append('[');
        needsComma = false;
        values.forEach(this::value);
        out.append(']');
        needsComma = true;
        return this;
    }

    /** Writes a Go {@code map[string]string}: keys sorted as Go sorts them. */
    GoJsonWriter stringMap(Map<String, String> map) {
        beginObject();
        for (String key : sortedKeys(map)) {
            name(key).value(map.get(key));
        }
        return endObject();
    }

    /** Writes a Go {@code http.Header}: keys sorted as Go sorts them. */
    GoJsonWriter stringArrayMap(Map<String, List<String>> map) {
        beginObject();
        for (String key : sortedKeys(map)) {
            name(key).stringArray(map.get(key));
        }
        return endObject();
    }

    byte[] toBytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void separate() {
        if (needsComma) {
            out.append(',');
        }
    }

    /** Code point order is UTF-8 byte order, which is how Go's {@code sort.Strings} orders keys. */
    private static List<String> sortedKeys(Map<String, ?> map) {
        List<String> keys = new ArrayList<>(map.keySet());
        keys.sort(GoJsonWriter::compareCodePoints);
        return keys;
    }

    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                i = surrogate(s, i);
            } else if (c < 0x80) {
                ascii(c);
            } else if (c == '\u2028' || c == '\u2029') {
                out.append("\\u202").append(HEX[c & 0xf]);
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private void ascii(char c) {
        switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case '<', '>', '&' -> unicodeEscape(c);
            default -> {
                if (c < 0x20) {
                    unicodeEscape(c);
                } else {
                    out.append(c);
                }
            }
        }
    }

    /** A valid pair is copied; a lone surrogate is invalid UTF-16, which Go writes as U+FFFD. */
    private int surrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(i + 1));
            return i + 1;
        }
        out.append("\\ufffd");
        return i;
    }

    private void unicodeEscape(char c) {
        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
    }
}
