package io.sluice.connector.webhook.verify.impl;

import java.util.Base64;
import java.util.HexFormat;

/**
 * Decodes signatures as written on the wire; {@code null} when the text is empty or not valid.
 *
 * <p>Signatures are compared as decoded bytes rather than as text, so the case of hex digits and
 * the presence of base64 padding do not matter.
 */
final class Encodings {

    private Encodings() {}

    static byte[] hexOrNull(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(text);
        } catch (IllegalArgumentException notHex) {
            return null;
        }
    }

    static byte[] base64OrNull(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
