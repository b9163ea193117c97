package io.sluice.connector.openfaas.wire;

import io.sluice.connector.openfaas.wire.GoUrlEscaping.Mode;
import java.util.Locale;

/**
 * A port of Go's {@code url.Parse} (Go 1.23), so that Sluice accepts and rejects exactly the
 * callback URLs the gateway does. Error messages keep Go's wording but never include the URL.
 */
final class GoUrlParser {

    private String scheme = "";
    private String opaque = "";
    private boolean hasUser;
    private String host = "";
    private String path = "";
    private String rawPath = "";
    private boolean omitHost;
    private boolean forceQuery;
    private String rawQuery = "";
    private String fragment = "";
    private String rawFragment = "";

    private GoUrlParser() {}

    static GoUrl parse(String raw) {
        GoUrlParser parser = new GoUrlParser();
        int hash = raw.indexOf('#');
        parser.parseWithoutFragment(hash < 0 ? raw : raw.substring(0, hash));
        if (hash >= 0 && hash + 1 < raw.length()) {
            parser.setFragment(raw.substring(hash + 1));
        }
        return parser.toGoUrl();
    }

    private GoUrl toGoUrl() {
        return new GoUrl(
                scheme, opaque, hasUser, host, path, rawPath, omitHost, forceQuery, rawQuery, fragment, rawFragment);
    }

    private void parseWithoutFragment(String raw) {
        if (containsControlCharacter(raw)) {
            throw new IllegalArgumentException("net/url: invalid control character in URL");
        }
        if (raw.equals("*")) {
            path = "*";
            return;
        }
        String rest = splitScheme(raw);
        if (rest.endsWith("?") && rest.indexOf('?') == rest.length() - 1) {
            forceQuery = true;
            rest = rest.substring(0, rest.length() - 1);
        } else {
            int question = rest.indexOf('?');
            if (question >= 0) {
                rawQuery = rest.substring(question + 1);
                rest = rest.substring(0, question);
            }
        }
        if (!rest.startsWith("/")) {
            if (!scheme.isEmpty()) {
                // RFC 3986 treats rootless paths after a scheme as opaque, e.g. "mailto:x@y".
                opaque = rest;
                return;
            }
            int slash = rest.indexOf('/');
            if ((slash < 0 ? rest : rest.substring(0, slash)).indexOf(':') >= 0) {
                throw new IllegalArgumentException("first path segment in URL cannot contain colon");
            }
        }
        if ((!scheme.isEmpty() || !rest.startsWith("///")) && rest.startsWith("//")) {
            String authority = rest.substring(2);
            int slash = authority.indexOf('/');
            rest = slash < 0 ? "" : authority.substring(slash);
            parseAuthority(slash < 0 ? authority : authority.substring(0, slash));
        } else if (!scheme.isEmpty() && rest.startsWith("/")) {
            omitHost = true;
        }
        setPath(rest);
    }

    private String splitScheme(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if ('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
                continue;
            }
            if ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.') {
                if (i == 0) {
                    return raw;
                }
                continue;
            }
            if (c == ':') {
                if (i == 0) {
                    throw new IllegalArgumentException("missing protocol scheme");
                }
                scheme = raw.substring(0, i).toLowerCase(Locale.ROOT);
                return raw.substring(i + 1);
            }
            return raw;
        }
        return raw;
    }

    private void parseAuthority(String authority) {
        int at = authority.lastIndexOf('@');
        host = parseHost(at < 0 ? authority : authority.substring(at + 1));
        if (at < 0) {
            return;
        }
        String userinfo = authority.substring(0, at);
        if (!validUserinfo(userinfo)) {
            throw new IllegalArgumentException("net/url: invalid userinfo");
        }
        // Only validated, never kept: the queue cannot carry credentials (see GoUrl).
        for (String part : userinfo.split(":", 2)) {
            GoUrlEscaping.unescape(part, Mode.USER_PASSWORD);
        }
        hasUser = true;
    }

    private static String parseHost(String host) {
        if (host.startsWith("[")) {
            int close = host.lastIndexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("missing ']' in host");
            }
            checkPort(host.substring(close + 1));
            int zone = host.substring(0, close).indexOf("%25");
            if (zone >= 0) {
                return GoUrlEscaping.unescape(host.substring(0, zone), Mode.HOST)
                        + GoUrlEscaping.unescape(host.substring(zone, close), Mode.ZONE)
                        + GoUrlEscaping.unescape(host.substring(close), Mode.HOST);
            }
        } else {
            int colon = host.lastIndexOf(':');
            if (colon >= 0) {
                checkPort(host.substring(colon));
            }
        }
        return GoUrlEscaping.unescape(host, Mode.HOST);
    }

    private static void checkPort(String colonPort) {
        if (colonPort.isEmpty()) {
            return;
        }
        boolean valid = colonPort.charAt(0) == ':';
        for (int i = 1; valid && i < colonPort.length(); i++) {
            valid = '0' <= colonPort.charAt(i) && colonPort.charAt(i) <= '9';
        }
        if (!valid) {
            throw new IllegalArgumentException("invalid port \"" + colonPort + "\" after host");
        }
    }

    private void setPath(String escaped) {
        path = GoUrlEscaping.unescape(escaped, Mode.PATH);
        rawPath = GoUrlEscaping.escape(path, Mode.PATH).equals(escaped) ? "" : escaped;
    }

    private void setFragment(String escaped) {
        fragment = GoUrlEscaping.unescape(escaped, Mode.FRAGMENT);
        rawFragment = GoUrlEscaping.escape(fragment, Mode.FRAGMENT).equals(escaped) ? "" : escaped;
    }

    private static boolean containsControlCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < ' ' || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    private static boolean validUserinfo(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean alphanumeric = 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9';
            if (!alphanumeric && "-._:~!$&'()*+,;=%@".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }
}
