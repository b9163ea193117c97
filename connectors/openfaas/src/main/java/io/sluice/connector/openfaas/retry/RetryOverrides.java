package io.sluice.connector.openfaas.retry;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Applies the {@code com.openfaas.retry.*} annotations a queued request carries on top of a
 * worker-wide {@link RetryPolicy}, as the OpenFaaS Pro queue-worker does per message.
 */
final class RetryOverrides {

    private RetryOverrides() {}

    static RetryPolicy apply(RetryPolicy base, Map<String, String> annotations, Consumer<String> onInvalid) {
        RetryPolicyBuilder builder = new RetryPolicyBuilder(base);
        boolean changed = false;
        for (RetrySetting setting : RetrySetting.values()) {
            Optional<String> key = setting.annotation();
            String value = key.map(annotations::get).orElse(null);
            if (value == null) {
                continue;
            }
            try {
                builder.apply(setting, value);
                changed = true;
            } catch (IllegalArgumentException e) {
                // Pro falls back silently; reporting it lets the sink tell the function's owner.
                onInvalid.accept(key.get() + " " + e.getMessage() + "; using " + base.valueOf(setting));
            }
        }
        if (!changed) {
            return base;
        }
        if (builder.initialRetryWait.compareTo(builder.maxRetryWait) > 0) {
            onInvalid.accept(annotation(RetrySetting.INITIAL_RETRY_WAIT) + " ("
                    + GoDurations.format(builder.initialRetryWait) + ") must not exceed "
                    + annotation(RetrySetting.MAX_RETRY_WAIT) + " ("
                    + GoDurations.format(builder.maxRetryWait) + "); using "
                    + base.valueOf(RetrySetting.INITIAL_RETRY_WAIT) + " and "
                    + base.valueOf(RetrySetting.MAX_RETRY_WAIT));
            builder.initialRetryWait = base.initialRetryWait();
            builder.maxRetryWait = base.maxRetryWait();
        }
        return builder.build();
    }

    private static String annotation(RetrySetting setting) {
        return setting.annotation().orElseThrow();
    }
}
