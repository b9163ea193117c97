package io.sluice.connector.openfaas.wire;

/**
 * Writes a {@link QueueRequest} as faas-provider 0.25.10+ does: struct order, {@code omitempty} on
 * every field except {@code Method} and {@code Function}, {@code CallbackUrl} as a Go {@code
 * url.URL} object with Go 1.19+ fields.
 */
final class QueueRequestEncoder {

    private QueueRequestEncoder() {}

    static byte[] encode(QueueRequest request) {
        GoJsonWriter json = new GoJsonWriter().beginObject();
        if (!request.headers().isEmpty()) {
            json.name(QueueRequestField.HEADER.key()).stringArrayMap(request.headers());
        }
        optional(json, QueueRequestField.HOST, request.host());
        if (request.bodyLength() > 0) {
            json.name(QueueRequestField.BODY.key()).value(GoBase64.encode(request.body()));
        }
        json.name(QueueRequestField.METHOD.key()).value(request.method());
        optional(json, QueueRequestField.PATH, request.path());
        optional(json, QueueRequestField.QUERY_STRING, request.queryString());
        json.name(QueueRequestField.FUNCTION.key()).value(request.function());
        optional(json, QueueRequestField.QUEUE_NAME, request.queueName());
        if (!request.annotations().isEmpty()) {
            json.name(QueueRequestField.ANNOTATIONS.key()).stringMap(request.annotations());
        }
        if (!request.labels().isEmpty()) {
            json.name(QueueRequestField.LABELS.key()).stringMap(request.labels());
        }
        if (!request.environment().isEmpty()) {
            json.name(QueueRequestField.ENVIRONMENT.key()).stringMap(request.environment());
        }
        GoUrl callback = request.callbackWire();
        if (callback != null) {
            writeUrl(json.name(QueueRequestField.CALLBACK_URL.key()), callback);
        }
        return json.endObject().toBytes();
    }

    private static void optional(GoJsonWriter json, QueueRequestField field, String value) {
        if (!value.isEmpty()) {
            json.name(field.key()).value(value);
        }
    }

    private static void writeUrl(GoJsonWriter json, GoUrl url) {
        json.beginObject()
                .name("Scheme")
                .value(url.scheme())
                .name("Opaque")
                .value(url.opaque())
                .name("User");
        if (url.hasUser()) {
            json.beginObject().endObject();
        } else {
            json.nullValue();
        }
        json.name("Host")
                .value(url.host())
                .name("Path")
                .value(url.path())
                .name("RawPath")
                .value(url.rawPath())
                .name("OmitHost")
                .value(url.omitHost())
                .name("ForceQuery")
                .value(url.forceQuery())
                .name("RawQuery")
                .value(url.rawQuery())
                .name("Fragment")
                .value(url.fragment())
                .name("RawFragment")
                .value(url.rawFragment())
                .endObject();
    }
}
