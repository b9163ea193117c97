package io.sluice.deadletter;

import io.vertx.core.Future;
import java.util.List;

/**
 * Where events that cannot be delivered are kept, with their cause, until replayed or purged.
 *
 * <p>Writing a letter is what lets the core settle an event that failed: the source acknowledges
 * its message only once {@link #put} succeeded. A store that cannot write fails the future, and the
 * source's message stays unacknowledged and comes back.
 */
public interface DeadLetterStore {

    /** Writes a letter durably. */
    Future<Void> put(DeadLetter letter);

    /** Lists up to {@code limit} letters, oldest first, each with its store-assigned id. */
    Future<List<StoredLetter>> list(int limit);

    /** Removes a letter, after a successful replay. */
    Future<Void> delete(String id);

    /** Closes the store's resources. */
    default Future<Void> close() {
        return Future.succeededFuture();
    }

    /**
     * A letter with its id in the store.
     *
     * @param id the store's id, e.g. a stream sequence
     * @param letter the letter
     */
    record StoredLetter(String id, DeadLetter letter) {}
}
