package io.sluice.connector.openfaas.wire;

import io.sluice.connector.openfaas.wire.GoUrlEscaping.Mode;
import java.util.Objects;

/**
 * The fields of Go's {@code net/url.URL}, which is how {@code QueueRequest.CallbackUrl} travels on
 * the wire.
 *
 * <p>Userinfo is deliberately reduced to a flag: Go marshals {@code *url.Userinfo} as {@code {}}
 * because its fields are unexported, so credentials never survive the queue anyway, and keeping
 * them out of this type keeps them out of logs.
 */
record GoUrl(
        String scheme,
        String opaque,
        boolean hasUser,
        String host,
        String path,
        String rawPath,
        boolean omitHost,
        boolean forceQuery,
        String rawQuery,
        String fragment,
        String rawFragment) {

    GoUrl {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(opaque, "opaque");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(rawPath, "rawPath");
        Objects.requireNonNull(rawQuery, "rawQuery");
        Objects.requireNonNull(fragment, "fragment");
        Objects.requireNonNull(rawFragment, "rawFragment");
    }

    /**
     * Parses {@code raw} with the rules of Go's {@code url.Parse} (Go 1.23), which is what the
     * gateway applies to {@code X-Callback-Url}.
     *
     * @throws IllegalArgumentException with Go's reason, never echoing the URL (it may hold a
     *     password)
     */
    static GoUrl parse(String raw) {
        return GoUrlParser.parse(raw);
    }

    /** Whether this is an absolute {@code http} or {@code https} URL with a host. */
    boolean isAbsoluteHttp() {
        return (scheme.equals("http") || scheme.equals("https")) && opaque.isEmpty() && !host.isEmpty();
    }

    /** This URL with any userinfo flag cleared, for comparing targets. */
    GoUrl withoutUser() {
        return new GoUrl(
                scheme, opaque, false, host, path, rawPath, omitHost, forceQuery, rawQuery, fragment, rawFragment);
    }

    /** Go's {@code EscapedPath}. */
    String escapedPath() {
        if (!rawPath.isEmpty() && GoUrlEscaping.validEncoded(rawPath, Mode.PATH)) {
            if (unescapesTo(rawPath, Mode.PATH, path)) {
                return rawPath;
            }
        }
        if (path.equals("*")) {
            return "*";
        }
        return GoUrlEscaping.escape(path, Mode.PATH);
    }

    /** Go's {@code EscapedFragment}. */
    String escapedFragment() {
        if (!rawFragment.isEmpty() && GoUrlEscaping.validEncoded(rawFragment, Mode.FRAGMENT)) {
            if (unescapesTo(rawFragment, Mode.FRAGMENT, fragment)) {
                return rawFragment;
            }
        }
        return GoUrlEscaping.escape(fragment, Mode.FRAGMENT);
    }

    private static boolean unescapesTo(String raw, Mode mode, String expected) {
        try {
            return GoUrlEscaping.unescape(raw, mode).equals(expected);
        } catch (IllegalArgumentException ignored) {
            // Go falls back to escaping the decoded field when the raw hint is not a valid escape.
            return false;
        }
    }

    /**
     * Go's {@code URL.String()}, except that userinfo is never written: Go would write a bare
     * {@code "@"} for the empty {@code Userinfo} it decoded, which only adds an empty Basic
     * credential to the callback.
     */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        if (!scheme.isEmpty()) {
            out.append(scheme).append(':');
        }
        if (!opaque.isEmpty()) {
            out.append(opaque);
        } else {
            appendAuthority(out);
            String escapedPath = escapedPath();
            if (!escapedPath.isEmpty() && escapedPath.charAt(0) != '/' && !host.isEmpty()) {
                out.append('/');
            }
            if (out.length() == 0 && firstSegmentHasColon(escapedPath)) {
                // RFC 3986 §4.2: a relative path whose first segment has a colon reads as a scheme.
                out.append("./");
            }
            out.append(escapedPath);
        }
        if (forceQuery || !rawQuery.isEmpty()) {
            out.append('?').append(rawQuery);
        }
        if (!fragment.isEmpty()) {
            out.append('#').append(escapedFragment());
        }
        return out.toString();
    }

    private void appendAuthority(StringBuilder out) {
        boolean hasAuthority = !scheme.isEmpty() || !host.isEmpty() || hasUser;
        if (!hasAuthority || omitHost && host.isEmpty() && !hasUser) {
            return;
        }
        if (!host.isEmpty() || !path.isEmpty() || hasUser) {
            out.append("//");
        }
        out.append(GoUrlEscaping.escape(host, Mode.HOST));
    }

    private static boolean firstSegmentHasColon(String path) {
        int slash = path.indexOf('/');
        return (slash < 0 ? path : path.substring(0, slash)).indexOf(':') >= 0;
    }
}
