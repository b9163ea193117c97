package io.sluice.runtime.impl;

import io.sluice.deadletter.DeadLetter;
import io.sluice.deadletter.DeadLetterStore;
import io.vertx.core.Future;
import java.util.List;

/** A store opened on its own, which also closes the shared resources (connections) it opened. */
final class ClosingStore implements DeadLetterStore {

    private final DeadLetterStore store;
    private final ComponentContextImpl components;

    ClosingStore(DeadLetterStore store, ComponentContextImpl components) {
        this.store = store;
        this.components = components;
    }

    @Override
    public Future<Void> put(DeadLetter letter) {
        return store.put(letter);
    }

    @Override
    public Future<List<StoredLetter>> list(int limit) {
        return store.list(limit);
    }

    @Override
    public Future<Void> delete(String id) {
        return store.delete(id);
    }

    @Override
    public Future<Void> close() {
        return store.close().eventually(components::closeShared);
    }
}
