package io.sluice.testing;

import io.sluice.config.ComponentConfig;
import io.sluice.deadletter.DeadLetter;
import io.sluice.deadletter.DeadLetterStore;
import io.sluice.pipeline.ComponentContext;
import io.sluice.spi.DeadLetterStoreFactory;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code dead-letter: {type: memory, name: X}} for tests of the core: letters kept in memory,
 * reachable from the test by name. {@code fail: true} makes every write fail.
 */
public final class MemoryDeadLetterStoreFactory implements DeadLetterStoreFactory {

    private static final Map<String, Store> STORES = new ConcurrentHashMap<>();

    /** The store opened under the name. */
    public static Store store(String name) {
        return STORES.get(name);
    }

    @Override
    public String type() {
        return "memory";
    }

    @Override
    public Future<DeadLetterStore> open(ComponentConfig config, ComponentContext context) {
        Store store = new Store(config.bool("fail", false));
        STORES.put(config.json().getString("name", "default"), store);
        return Future.succeededFuture(store);
    }

    /** Letters in memory. */
    public static final class Store implements DeadLetterStore {
        private final Map<String, DeadLetter> letters = new ConcurrentHashMap<>();
        private final AtomicLong ids = new AtomicLong();
        private final boolean fail;

        Store(boolean fail) {
            this.fail = fail;
        }

        /** Every letter written and not deleted. */
        public List<DeadLetter> letters() {
            return new ArrayList<>(letters.values());
        }

        @Override
        public Future<Void> put(DeadLetter letter) {
            if (fail) {
                return Future.failedFuture("memory store told to fail");
            }
            letters.put(Long.toString(ids.incrementAndGet()), letter);
            return Future.succeededFuture();
        }

        @Override
        public Future<List<StoredLetter>> list(int limit) {
            List<StoredLetter> list = new ArrayList<>();
            letters.forEach((id, letter) -> list.add(new StoredLetter(id, letter)));
            return Future.succeededFuture(list.subList(0, Math.min(limit, list.size())));
        }

        @Override
        public Future<Void> delete(String id) {
            letters.remove(id);
            return Future.succeededFuture();
        }
    }
}
