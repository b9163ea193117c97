package io.sluice.connector.openfaas.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Locale;

/**
 * Reads {@code CallbackUrl}, Go's {@code url.URL} marshalled field by field. {@code OmitHost}
 * (Go 1.19+) and {@code RawFragment} (Go 1.15+) may be missing, and later Go versions may add
 * fields, so unknown keys are skipped.
 */
final class GoUrlJsonReader {

    private final QueueRequestDecoder decoder;
    private final JsonParser parser;

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

    GoUrlJsonReader(QueueRequestDecoder decoder) {
        this.decoder = decoder;
        this.parser = decoder.parser();
    }

    /**
     * Reads the value at the parser's current token.
     *
     * @return the URL, or {@code null} when the value is JSON {@code null}
     */
    GoUrl read() throws IOException {
        if (decoder.nullOrObject("CallbackUrl")) {
            return null;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            parser.nextToken();
            readField(key);
        }
        return new GoUrl(
                scheme, opaque, hasUser, host, path, rawPath, omitHost, forceQuery, rawQuery, fragment, rawFragment);
    }

    private void readField(String key) throws IOException {
        String label = "CallbackUrl." + key;
        switch (key.toLowerCase(Locale.ROOT)) {
            case "scheme" -> scheme = decoder.readString(label);
            case "opaque" -> opaque = decoder.readString(label);
            case "user" -> hasUser = readUser(label);
            case "host" -> host = decoder.readString(label);
            case "path" -> path = decoder.readString(label);
            case "rawpath" -> rawPath = decoder.readString(label);
            case "omithost" -> omitHost = decoder.readBoolean(label);
            case "forcequery" -> forceQuery = decoder.readBoolean(label);
            case "rawquery" -> rawQuery = decoder.readString(label);
            case "fragment" -> fragment = decoder.readString(label);
            case "rawfragment" -> rawFragment = decoder.readString(label);
            default -> parser.skipChildren();
        }
    }

    /**
     * Go writes {@code *url.Userinfo} as {@code {}} because its fields are unexported, so an object
     * only says that the URL had credentials, never what they were.
     */
    private boolean readUser(String label) throws IOException {
        if (decoder.nullOrObject(label)) {
            return false;
        }
        parser.skipChildren();
        return true;
    }
}
