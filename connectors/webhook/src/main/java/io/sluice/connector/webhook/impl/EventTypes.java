package io.sluice.connector.webhook.impl;

/**
 * The CloudEvents {@code type} of a verified delivery: the sender's own event type where it declares
 * one, in reverse-DNS form where the sender's is a bare word.
 *
 * <ul>
 *   <li>GitHub's {@code X-GitHub-Event: push} becomes {@code com.github.push};
 *   <li>Stripe's and Standard Webhooks senders' body {@code type} (already dotted, such as {@code
 *       invoice.paid}), and a generic sender's {@code type-header}, are kept as sent;
 *   <li>without one: {@value #FALLBACK}.
 * </ul>
 */
final class EventTypes {

    static final String FALLBACK = "io.sluice.webhook";

    private EventTypes() {}

    static String of(String scheme, String declared) {
        if (declared == null || declared.isBlank()) {
            return FALLBACK;
        }
        return scheme.equals("github") ? "com.github." + declared.trim() : declared.trim();
    }
}
