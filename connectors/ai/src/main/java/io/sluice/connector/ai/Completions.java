package io.sluice.connector.ai;

/**
 * The reply event an AI sink emits for each completed event, routed through routes whose {@code
 * from} names the sink. Its {@code subject} is the original event's; its {@code id} is derived from
 * the original's source and id, so a retried or replayed completion carries the same id and a
 * deduplicating sink downstream (email) acts on it once.
 *
 * <p>Its JSON data holds {@value #MODEL} (the model that answered), {@value #CONTENT} (the text),
 * {@value #PARSED} (the content as JSON, with {@code response-format: json}), {@value #USAGE} (the
 * API's token counts), {@value #FINISH_REASON} and {@value #SOURCE_EVENT} ({@code id}, {@code type},
 * {@code source} of the original event).
 */
public final class Completions {

    /** The reply event's type. */
    public static final String TYPE = "io.sluice.ai.completion";

    public static final String MODEL = "model";
    public static final String CONTENT = "content";
    public static final String PARSED = "parsed";
    public static final String USAGE = "usage";
    public static final String FINISH_REASON = "finish-reason";
    public static final String SOURCE_EVENT = "source-event";

    private Completions() {}
}
