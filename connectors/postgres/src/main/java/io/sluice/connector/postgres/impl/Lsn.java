package io.sluice.connector.postgres.impl;

/**
 * Log sequence numbers: PostgreSQL writes them as two hexadecimal halves, {@code 16/B374D848};
 * Sluice compares them as unsigned 64-bit numbers.
 */
final class Lsn {

    /** No position: the server then starts from the slot's confirmed position. */
    static final long NONE = 0;

    private Lsn() {}

    /**
     * Parses {@code X/Y}.
     *
     * @throws IllegalArgumentException when the text is not an LSN
     */
    static long parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1) {
            throw new IllegalArgumentException("'" + text + "' is not a log position such as 0/16B3748");
        }
        try {
            long high = Long.parseLong(text.substring(0, slash), 16);
            long low = Long.parseLong(text.substring(slash + 1), 16);
            return (high << 32) | (low & 0xFFFFFFFFL);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a log position such as 0/16B3748", e);
        }
    }

    /** Writes the position as PostgreSQL does. */
    static String format(long lsn) {
        return Long.toHexString(lsn >>> 32).toUpperCase() + "/"
                + Long.toHexString(lsn & 0xFFFFFFFFL).toUpperCase();
    }

    /** Whether {@code a} is after {@code b}. */
    static boolean after(long a, long b) {
        return Long.compareUnsigned(a, b) > 0;
    }
}
