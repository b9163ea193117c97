package io.sluice.connector.supabase.impl;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code access-token-file}: a user JWT that something else (a sidecar, a mounted secret)
 * rotates. Read without blocking the event loop; a token is never logged, only its expiry.
 */
final class TokenFile {

    private static final Logger LOG = LoggerFactory.getLogger(TokenFile.class);

    private final Path path;
    private final String source;
    private final Duration warnAhead;
    private Instant warnedFor;

    /**
     * @param path the file, or {@code null} when none is configured
     * @param warnAhead how long before an unrotated token expires to warn (two refresh periods)
     */
    TokenFile(Path path, String source, Duration refreshPeriod) {
        this.path = path;
        this.source = source;
        this.warnAhead = refreshPeriod.multipliedBy(2);
    }

    boolean configured() {
        return path != null;
    }

    /**
     * The token in the file; {@code null} when no file is configured.
     *
     * @return a future failed with an {@link IllegalArgumentException} naming the file and what is
     *     wrong with it
     */
    Future<AccessToken> read(Vertx vertx) {
        if (path == null) {
            return Future.succeededFuture();
        }
        return vertx.fileSystem()
                .readFile(path.toString())
                .recover(e -> Future.failedFuture(new IllegalArgumentException(
                        "access-token-file '" + path + "' cannot be read: " + e.getMessage(), e)))
                .map(bytes -> {
                    try {
                        return AccessToken.parse(bytes.toString());
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("access-token-file '" + path + "' " + e.getMessage(), e);
                    }
                });
    }

    /** Warns once per token when it expires within two refresh periods and the file still holds it. */
    void warnIfExpiring(AccessToken token) {
        if (token.expiresAt() == null
                || token.expiresAt().equals(warnedFor)
                || !token.expiresBefore(Instant.now().plus(warnAhead))) {
            return;
        }
        warnedFor = token.expiresAt();
        LOG.warn(
                "Source '{}': the access token in '{}' expires at {} and has not been rotated; Realtime will"
                        + " close the channel then",
                source,
                path,
                token.expiresAt());
    }

    @Override
    public String toString() {
        return path == null ? "the apikey's claims" : "access token from '" + path + "'";
    }
}
