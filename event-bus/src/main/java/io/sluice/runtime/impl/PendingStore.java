package io.sluice.runtime.impl;

import io.sluice.deadletter.DeadLetter;
import io.sluice.deadletter.DeadLetterStore;
import io.vertx.core.Future;
import java.util.List;

/**
 * Stands in for the dead-letter store while components are built, before the store is open;
 * delegates once bound. Nothing runs before binding, so nothing is ever refused in practice.
 */
final class PendingStore implements DeadLetterStore {

    private volatile DeadLetterStore delegate;

    void bind(DeadLetterStore store) {
        this.delegate = store;
    }

    private DeadLetterStore store() {
        DeadLetterStore store = delegate;
        if (store == null) {
            throw new IllegalStateException("the dead-letter store is not open yet");
        }
        return store;
    }

    @Override
    public Future<Void> put(DeadLetter letter) {
        return delegate == null ? Future.failedFuture("the dead-letter store is not open yet") : store().put(letter);
    }

    @Override
    public Future<List<StoredLetter>> list(int limit) {
        return store().list(limit);
    }

    @Override
    public Future<Void> delete(String id) {
        return store().delete(id);
    }
}
