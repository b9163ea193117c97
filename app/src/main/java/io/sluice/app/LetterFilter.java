package io.sluice.app;

import io.sluice.config.Units;
import io.sluice.deadletter.DeadLetterStore.StoredLetter;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Predicate;
import picocli.CommandLine.Option;

/** Selects letters by route, sink, cause and time; shared by {@code dlq list} and {@code dlq replay}. */
final class LetterFilter implements Predicate<StoredLetter> {

    @Option(names = "--route", description = "Only letters from this route.")
    String route;

    @Option(names = "--sink", description = "Only letters from this sink.")
    String sink;

    @Option(names = "--cause", description = "Only letters whose cause contains this text (case-insensitive).")
    String cause;

    @Option(names = "--since", description = "Only letters at most this old (e.g. 30m, 2h, 7d) or after this instant.")
    String since;

    @Option(
            names = "--limit",
            defaultValue = "10000",
            description = "Read at most this many letters (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public boolean test(StoredLetter stored) {
        var letter = stored.letter();
        return (route == null || route.equals(letter.route()))
                && (sink == null || sink.equals(letter.sink()))
                && (cause == null
                        || (letter.cause() != null
                                && letter.cause().toLowerCase(Locale.ROOT).contains(cause.toLowerCase(Locale.ROOT))))
                && (since == null || !letter.time().isBefore(sinceInstant()));
    }

    private Instant sinceInstant() {
        if (since.contains("T")) {
            return Instant.parse(since);
        }
        return Instant.now().minus(Units.duration(since));
    }
}
