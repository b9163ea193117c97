package io.sluice.connector.openfaas.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding exactly as Go's {@code net/url} does it, so that URLs Sluice builds or accepts
 * match what the OpenFaaS gateway and queue-worker would build or accept.
 *
 * <p>Go works on the UTF-8 bytes of a string, so every method here does too.
 */
final class GoUrlEscaping {

    /** The URL component being escaped; Go's {@code encoding} constants. */
    enum Mode {
        PATH,
        PATH_SEGMENT,
        HOST,
        ZONE,
        USER_PASSWORD,
        QUERY_COMPONENT,
        FRAGMENT
    }

    private static final char[] UPPER_HEX = "0123456789ABCDEF".toCharArray();

    private GoUrlEscaping() {}

    /** Go's {@code shouldEscape}: whether byte {@code c} must be %-escaped in {@code mode}. */
    static boolean shouldEscape(int c, Mode mode) {
        if ('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
            return false;
        }
        if ((mode == Mode.HOST || mode == Mode.ZONE) && "!$&'()*+,;=:[]<>\"".indexOf(c) >= 0) {
            return false;
        }
        switch (c) {
            case '-', '_', '.', '~':
                return false;
            case '$', '&', '+', ',', '/', ':', ';', '=', '?', '@':
                return shouldEscapeReserved(c, mode);
            default:
                break;
        }
        if (mode == Mode.FRAGMENT && "!()*".indexOf(c) >= 0) {
            return false;
        }
        return true;
    }

    private static boolean shouldEscapeReserved(int c, Mode mode) {
        switch (mode) {
            case PATH:
                return c == '?';
            case PATH_SEGMENT:
                return c == '/' || c == ';' || c == ',' || c == '?';
            case USER_PASSWORD:
                return c == '@' || c == '/' || c == '?' || c == ':';
            case QUERY_COMPONENT:
                return true;
            case FRAGMENT:
                return false;
            default:
                // Host and zone reach here only for '/', '?' and '@', which Go escapes.
                return true;
        }
    }

    /** Go's {@code escape}; the result is always ASCII. */
    static String escape(String s, Mode mode) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c == ' ' && mode == Mode.QUERY_COMPONENT) {
                out.append('+');
            } else if (shouldEscape(c, mode)) {
                out.append('%').append(UPPER_HEX[c >> 4]).append(UPPER_HEX[c & 15]);
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    /**
     * Go's {@code unescape}.
     *
     * @throws IllegalArgumentException with Go's wording, e.g. {@code invalid URL escape "%zz"}
     */
    static String unescape(String s, Mode mode) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xff;
            if (c == '%') {
                checkEscape(bytes, i, mode);
                out.write(hexValue(bytes[i + 1]) << 4 | hexValue(bytes[i + 2]));
                i += 2;
            } else if (c == '+') {
                out.write(mode == Mode.QUERY_COMPONENT ? ' ' : '+');
            } else {
                if ((mode == Mode.HOST || mode == Mode.ZONE) && c < 0x80 && shouldEscape(c, mode)) {
                    throw new IllegalArgumentException("invalid character \"" + (char) c + "\" in host name");
                }
                out.write(c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void checkEscape(byte[] bytes, int i, Mode mode) {
        if (i + 2 >= bytes.length || !isHex(bytes[i + 1]) || !isHex(bytes[i + 2])) {
            int end = Math.min(bytes.length, i + 3);
            throw invalidEscape(new String(bytes, i, end - i, StandardCharsets.UTF_8));
        }
        String escape = new String(bytes, i, 3, StandardCharsets.US_ASCII);
        // RFC 3986 lets a host %-encode only non-ASCII bytes; RFC 6874 adds %25 for IPv6 zones.
        if (mode == Mode.HOST && hexValue(bytes[i + 1]) < 8 && !escape.equals("%25")) {
            throw invalidEscape(escape);
        }
        if (mode == Mode.ZONE) {
            int value = hexValue(bytes[i + 1]) << 4 | hexValue(bytes[i + 2]);
            if (!escape.equals("%25") && value != ' ' && shouldEscape(value, Mode.HOST)) {
                throw invalidEscape(escape);
            }
        }
    }

    private static IllegalArgumentException invalidEscape(String escape) {
        return new IllegalArgumentException("invalid URL escape \"" + escape + "\"");
    }

    /** Go's {@code validEncoded}: {@code s} needs no further escaping in {@code mode}. */
    static boolean validEncoded(String s, Mode mode) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ("!$&'()*+,;=:@[]%".indexOf(c) < 0 && shouldEscape(c, mode)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHex(byte b) {
        return '0' <= b && b <= '9' || 'a' <= b && b <= 'f' || 'A' <= b && b <= 'F';
    }

    private static int hexValue(byte b) {
        return Character.digit(b, 16);
    }
}
