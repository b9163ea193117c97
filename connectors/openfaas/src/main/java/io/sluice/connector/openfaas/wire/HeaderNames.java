package io.sluice.connector.openfaas.wire;

/** Header names the OpenFaaS async path relies on, and Go's canonical header-key form. */
public final class HeaderNames {

    /** Correlates an async request, its invocation and its callback. */
    public static final String CALL_ID = "X-Call-Id";

    /** When the gateway accepted the request, in decimal Unix nanoseconds. */
    public static final String START_TIME = "X-Start-Time";

    /** Where the queue-worker posts the function's response. */
    public static final String CALLBACK_URL = "X-Callback-Url";

    /** Seconds from dequeue to the end of the invocation, Go {@code %f}. */
    public static final String DURATION_SECONDS = "X-Duration-Seconds";

    /** The function's HTTP status, in the callback. */
    public static final String FUNCTION_STATUS = "X-Function-Status";

    /** The invoked function's name, in the callback. */
    public static final String FUNCTION_NAME = "X-Function-Name";

    /** How many times the invocation was retried, in a Pro callback. */
    public static final String RETRY = "X-Retry";

    /** How many retries were allowed, in a Pro callback. */
    public static final String RETRY_MAX = "X-Retry-Max";

    /** Marks an error produced by an OpenFaaS core component rather than by the function. */
    public static final String OPENFAAS_INTERNAL = "X-OpenFaaS-Internal";

    private HeaderNames() {}

    /**
     * Go's {@code http.CanonicalHeaderKey}: the first letter and every letter after a hyphen upper
     * case, the rest lower case ({@code x-call-id} → {@code X-Call-Id}).
     *
     * <p>Like Go, a name holding any byte that is not an RFC 7230 token character (a space, a
     * colon, non-ASCII) is returned unchanged, because rewriting it could merge distinct names.
     *
     * @param name a header name
     * @return the canonical form of {@code name}
     */
    public static String canonical(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (!isTokenChar(name.charAt(i))) {
                return name;
            }
        }
        char[] chars = name.toCharArray();
        boolean upper = true;
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (upper && 'a' <= c && c <= 'z') {
                chars[i] = (char) (c - ('a' - 'A'));
            } else if (!upper && 'A' <= c && c <= 'Z') {
                chars[i] = (char) (c + ('a' - 'A'));
            }
            upper = c == '-';
        }
        return new String(chars);
    }

    private static boolean isTokenChar(char c) {
        boolean alphanumeric = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9';
        return alphanumeric || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
