package io.sluice.app;

import io.sluice.deadletter.DeadLetterStore;
import io.sluice.deadletter.DeadLetterStore.StoredLetter;
import io.sluice.runtime.Sluice;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sluice dlq list}: one line per letter: id, time, origin, route, sink, attempts, cause. */
@Command(name = "list", description = "List dead letters, oldest first.", mixinStandardHelpOptions = true)
final class DeadLetterListCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Mixin
    LetterFilter filter;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Vertx vertx = Vertx.vertx();
        try {
            DeadLetterStore store = Sluice.openDeadLetters(vertx, config.load()).await(1, TimeUnit.MINUTES);
            List<StoredLetter> letters = store.list(filter.limit).await(5, TimeUnit.MINUTES);
            int shown = 0;
            for (StoredLetter stored : letters) {
                if (filter.test(stored)) {
                    var letter = stored.letter();
                    out.printf(
                            "%s\t%s\tsource=%s route=%s sink=%s attempts=%d event=%s type=%s\t%s%n",
                            stored.id(),
                            letter.time(),
                            letter.origin(),
                            letter.route(),
                            letter.sink(),
                            letter.attempts(),
                            letter.event().id(),
                            letter.event().type(),
                            letter.cause());
                    shown++;
                }
            }
            out.printf("%d letter(s)%n", shown);
            store.close().await(10, TimeUnit.SECONDS);
            return 0;
        } finally {
            vertx.close();
        }
    }
}
