package io.sluice.connector.openfaas;

/** The CloudEvents types and extensions the OpenFaaS connectors produce and read. */
public final class OpenFaasEvents {

    /** An async invocation taken from the queue; its data is the QueueRequest JSON as queued. */
    public static final String INVOCATION = "com.openfaas.async.invocation";

    /** A function's response; its data is the raw response body, its headers the callback's. */
    public static final String RESPONSE = "com.openfaas.function.response";

    /** Extension on a response: the callback URL to post it to, when the request asked for one. */
    public static final String CALLBACK_URL = "callbackurl";

    /** Extension on a response: the function's HTTP status (503 for a transport error). */
    public static final String FUNCTION_STATUS = "functionstatus";

    /** The schema of an invocation's data. */
    public static final String QUEUE_REQUEST_SCHEMA = "https://sluice.io/schemas/openfaas/queue-request.schema.json";

    private OpenFaasEvents() {}
}
