package io.sluice.connector.webhook.verify;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Options of the generic HMAC scheme: one header carrying an HMAC of the raw body.
 *
 * <p>The signed content is the body alone. Senders that also sign a timestamp disagree on how they
 * join it to the body (Stripe {@code t.body}, Slack and Zoom {@code v0:t:body}, Standard Webhooks
 * {@code id.t.body}), and a timestamp outside the signed content would prove nothing; such senders
 * get a dedicated scheme instead of a timestamp option here.
 *
 * <p>Built with {@link #builder()}; every setter rejects a bad value at once, naming the option.
 */
public final class HmacOptions {

    private final String header;
    private final HmacAlgorithm algorithm;
    private final SignatureEncoding encoding;
    private final String prefix;
    private final List<Secret> secrets;
    private final String idHeader;
    private final String typeHeader;

    private HmacOptions(Builder builder) {
        this.header = OptionChecks.headerName("header", builder.header);
        this.algorithm = builder.algorithm;
        this.encoding = builder.encoding;
        this.prefix = builder.prefix;
        this.secrets = OptionChecks.secrets(builder.secrets);
        this.idHeader = builder.idHeader;
        this.typeHeader = builder.typeHeader;
    }

    /**
     * Starts options with HMAC-SHA256, hex encoding and no prefix; header and secrets are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @return the header carrying the signature
     */
    public String header() {
        return header;
    }

    /**
     * @return the HMAC digest
     */
    public HmacAlgorithm algorithm() {
        return algorithm;
    }

    /**
     * @return how the signature bytes are written
     */
    public SignatureEncoding encoding() {
        return encoding;
    }

    /**
     * @return the text before the encoded signature, such as {@code sha256=}; empty for none
     */
    public String prefix() {
        return prefix;
    }

    /**
     * @return the accepted secrets; a signature under any of them verifies
     */
    public List<Secret> secrets() {
        return secrets;
    }

    /**
     * @return the header carrying the delivery id, if the sender has one
     */
    public Optional<String> idHeader() {
        return Optional.ofNullable(idHeader);
    }

    /**
     * @return the header carrying the event type, if the sender has one
     */
    public Optional<String> typeHeader() {
        return Optional.ofNullable(typeHeader);
    }

    /** Collects {@link HmacOptions}. Not thread-safe. */
    public static final class Builder {
        private String header;
        private HmacAlgorithm algorithm = HmacAlgorithm.HMAC_SHA256;
        private SignatureEncoding encoding = SignatureEncoding.HEX;
        private String prefix = "";
        private List<Secret> secrets;
        private String idHeader;
        private String typeHeader;

        private Builder() {}

        /**
         * Sets the header carrying the signature ({@code header}); required.
         *
         * @param header for example {@code X-Signature}
         * @return this builder
         */
        public Builder header(String header) {
            this.header = OptionChecks.headerName("header", header);
            return this;
        }

        /**
         * Sets the HMAC digest ({@code algorithm}); HMAC-SHA256 by default.
         *
         * @param algorithm the digest
         * @return this builder
         */
        public Builder algorithm(HmacAlgorithm algorithm) {
            this.algorithm = Objects.requireNonNull(algorithm, "'algorithm' must not be null");
            return this;
        }

        /**
         * Sets the HMAC digest by JCA name ({@code algorithm}): HmacSHA1, HmacSHA256 or HmacSHA512.
         *
         * @param algorithm the JCA name, in any case
         * @return this builder
         * @throws IllegalArgumentException if the algorithm is not supported
         */
        public Builder algorithm(String algorithm) {
            return algorithm(HmacAlgorithm.of(algorithm));
        }

        /**
         * Sets how the signature is written ({@code encoding}); hex by default.
         *
         * @param encoding the encoding
         * @return this builder
         */
        public Builder encoding(SignatureEncoding encoding) {
            this.encoding = Objects.requireNonNull(encoding, "'encoding' must not be null");
            return this;
        }

        /**
         * Sets the text before the encoded signature ({@code prefix}); none by default.
         *
         * @param prefix for example {@code sha256=}; matched case-sensitively
         * @return this builder
         */
        public Builder prefix(String prefix) {
            this.prefix = Objects.requireNonNull(prefix, "'prefix' must not be null");
            return this;
        }

        /**
         * Sets the accepted secrets ({@code secrets}); required, at least one.
         *
         * @param secrets the secrets; several allow rotation without downtime
         * @return this builder
         */
        public Builder secrets(List<Secret> secrets) {
            this.secrets = OptionChecks.secrets(secrets);
            return this;
        }

        /**
         * Sets the header carrying the delivery id ({@code id-header}); none by default.
         *
         * @param idHeader for example {@code X-Request-Id}
         * @return this builder
         */
        public Builder idHeader(String idHeader) {
            this.idHeader = OptionChecks.headerName("id-header", idHeader);
            return this;
        }

        /**
         * Sets the header carrying the event type ({@code type-header}); none by default.
         *
         * @param typeHeader for example {@code X-Event-Type}
         * @return this builder
         */
        public Builder typeHeader(String typeHeader) {
            this.typeHeader = OptionChecks.headerName("type-header", typeHeader);
            return this;
        }

        /**
         * Builds the options.
         *
         * @return immutable options
         * @throws IllegalArgumentException if {@code header} or {@code secrets} was never set
         */
        public HmacOptions build() {
            return new HmacOptions(this);
        }
    }
}
