package io.sluice.connector.kafka.impl;

import io.sluice.event.Event;
import io.sluice.pipeline.SourceContext;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands one record to Sluice and sees it settle: its event dispatched, or, when it cannot be
 * decoded, the raw record dead-lettered with the cause. An attempt that fails (the event could
 * neither be delivered nor dead-lettered) is made again after {@link #RETRY_DELAY} for as long as
 * the record is still wanted, so its partition's commit position stays before it meanwhile.
 * Completes on the source's context; used there only.
 */
final class Handoff {

    static final Duration RETRY_DELAY = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(Handoff.class);

    private final SourceContext sluice;
    private final Context context;
    private final RecordDecoder decoder;
    private int retrying;

    Handoff(SourceContext sluice, Context context, RecordDecoder decoder) {
        this.sluice = sluice;
        this.context = context;
        this.decoder = decoder;
    }

    /**
     * Hands the record in.
     *
     * @param wanted whether to try again after a failure (the source runs and owns the partition)
     * @return {@code true} once it settled; {@code false} when it was given up unsettled
     */
    Future<Boolean> run(ConsumerRecord<byte[], byte[]> record, BooleanSupplier wanted) {
        Promise<Boolean> settled = Promise.promise();
        Event event;
        try {
            event = decoder.decode(record);
        } catch (RuntimeException e) {
            LOG.warn(
                    "Source '{}' cannot decode record {}; dead-lettering it: {}",
                    sluice.sourceName(),
                    place(record),
                    e.getMessage());
            Event raw = decoder.undecodable(record);
            attempt(record, () -> sluice.deadLetter(raw, e), wanted, settled);
            return settled.future();
        }
        if (LOG.isTraceEnabled()) {
            LOG.trace("Source '{}' hands in event '{}' from {}", sluice.sourceName(), event.id(), place(record));
        }
        attempt(record, () -> sluice.dispatch(event), wanted, settled);
        return settled.future();
    }

    /** Records waiting to be handed in again. */
    int retrying() {
        return retrying;
    }

    private void attempt(
            ConsumerRecord<byte[], byte[]> record,
            Supplier<Future<?>> attempt,
            BooleanSupplier wanted,
            Promise<Boolean> settled) {
        attempt.get()
                .onComplete(done -> context.runOnContext(v -> {
                    if (done.succeeded()) {
                        settled.complete(true);
                    } else if (wanted.getAsBoolean()) {
                        LOG.warn(
                                "Record {} of source '{}' did not settle ({}); handing it in again in {} s",
                                place(record),
                                sluice.sourceName(),
                                done.cause().toString(),
                                RETRY_DELAY.toSeconds());
                        retrying++;
                        context.owner().setTimer(RETRY_DELAY.toMillis(), t -> {
                            retrying--;
                            if (wanted.getAsBoolean()) {
                                attempt(record, attempt, wanted, settled);
                            } else {
                                settled.complete(false);
                            }
                        });
                    } else {
                        settled.complete(false);
                    }
                }));
    }

    private static String place(ConsumerRecord<byte[], byte[]> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
