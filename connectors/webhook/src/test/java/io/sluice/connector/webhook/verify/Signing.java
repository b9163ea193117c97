package io.sluice.connector.webhook.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs test payloads independently of the code under test, straight through javax.crypto, and
 * asserts on outcomes.
 */
final class Signing {

    private Signing() {}

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] hmac(String algorithm, byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            for (byte[] part : parts) {
                content.writeBytes(part);
            }
            return mac.doFinal(content.toByteArray());
        } catch (GeneralSecurityException e) {
            throw new AssertionError("the JVM cannot compute " + algorithm, e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static Verification.Rejected assertRejected(Verification verification, Rejection reason, String header) {
        assertThat(verification).isInstanceOf(Verification.Rejected.class);
        Verification.Rejected rejected = (Verification.Rejected) verification;
        assertThat(rejected.reason()).isEqualTo(reason);
        assertThat(rejected.message()).contains("'" + header + "'");
        return rejected;
    }
}
