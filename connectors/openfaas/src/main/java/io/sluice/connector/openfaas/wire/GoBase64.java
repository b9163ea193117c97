package io.sluice.connector.openfaas.wire;

import java.util.Base64;

/** Base64 as Go's {@code encoding/json} reads and writes {@code []byte}: standard, padded. */
final class GoBase64 {

    private GoBase64() {}

    static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * Decodes like Go's {@code base64.StdEncoding}: padding is required, and CR and LF are skipped
     * (Java's basic decoder would accept missing padding and reject line breaks).
     *
     * @throws IllegalArgumentException naming the problem, never the content
     */
    static byte[] decode(String text) {
        String compact = text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0
                ? text.replace("\r", "").replace("\n", "")
                : text;
        if (compact.length() % 4 != 0) {
            throw new IllegalArgumentException(
                    "length " + compact.length() + " is not a multiple of 4; padding is required");
        }
        return Base64.getDecoder().decode(compact);
    }
}
