package io.sluice.processors.testing.impl;

import io.sluice.config.ComponentConfig;
import io.sluice.deadletter.DeadLetter;
import io.sluice.deadletter.DeadLetterStore;
import io.sluice.pipeline.ComponentContext;
import io.sluice.spi.DeadLetterStoreFactory;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code dead-letter: {type: test-memory}}: stands in for the dead-letter store under {@code
 * PipelineTestRunner}, keeping the letters of one case in memory for its expectations.
 */
public final class MemoryDeadLetterStoreFactory implements DeadLetterStoreFactory {

    /** The type the runner gives the dead-letter store. */
    public static final String TYPE = "test-memory";

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Future<DeadLetterStore> open(ComponentConfig config, ComponentContext context) {
        config.rejectUnknown(Set.of(TestRun.RUN));
        TestRun run = TestRun.of(config);
        return Future.succeededFuture(new DeadLetterStore() {
            @Override
            public Future<Void> put(DeadLetter letter) {
                run.deadLetter(letter);
                return Future.succeededFuture();
            }

            @Override
            public Future<List<StoredLetter>> list(int limit) {
                List<StoredLetter> stored = new ArrayList<>();
                List<DeadLetter> letters = run.deadLetters();
                for (int i = 0; i < Math.min(limit, letters.size()); i++) {
                    stored.add(new StoredLetter(Integer.toString(i), letters.get(i)));
                }
                return Future.succeededFuture(stored);
            }

            @Override
            public Future<Void> delete(String id) {
                return Future.failedFuture(new UnsupportedOperationException(
                        "the test-memory store keeps every letter for the case's expectations"));
            }
        });
    }
}
