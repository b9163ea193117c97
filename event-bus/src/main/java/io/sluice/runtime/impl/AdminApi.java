package io.sluice.runtime.impl;

import com.codahale.metrics.Counter;
import io.sluice.deadletter.DeadLetterStore.StoredLetter;
import io.sluice.event.EventCodec;
import io.sluice.metrics.MetricNames;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin JSON API the console reads: {@code GET /api/status} (sources, routes, sinks, counters),
 * {@code GET /api/dead-letters}, and — only when {@code admin.allow-replay} is true — {@code POST
 * /api/dead-letters/{id}/replay}.
 */
final class AdminApi {

    private static final Logger LOG = LoggerFactory.getLogger(AdminApi.class);

    private final SluiceImpl sluice;
    private final boolean allowReplay;

    AdminApi(SluiceImpl sluice, boolean allowReplay) {
        this.sluice = sluice;
        this.allowReplay = allowReplay;
    }

    void mount(Router router) {
        router.get("/api/status").handler(this::status);
        router.get("/api/dead-letters").handler(this::deadLetters);
        router.post("/api/dead-letters/:id/replay").handler(this::replay);
    }

    private void status(RoutingContext ctx) {
        JsonObject sources = new JsonObject();
        sluice.sourceHealth().forEach((name, up) -> sources.put(name, new JsonObject().put("connected", up)));
        JsonObject routes = new JsonObject();
        sluice.routeRunners()
                .forEach(r -> routes.put(
                        r.name(), new JsonObject().put("inflight", r.inflight()).put("max-inflight", r.maxInflight())));
        JsonObject sinks = new JsonObject();
        sluice.sinkRunners()
                .forEach((name, s) -> sinks.put(
                        name,
                        new JsonObject()
                                .put("active", s.active())
                                .put("queued", s.queued())
                                .put("concurrency", s.concurrency())
                                .put("breaker", s.breaker())));
        JsonArray counters = new JsonArray();
        for (Map.Entry<String, Counter> counter : sluice.metrics().getCounters().entrySet()) {
            counters.add(new JsonObject()
                    .put("name", MetricNames.family(counter.getKey()))
                    .put("labels", MetricNames.labels(counter.getKey()))
                    .put("value", counter.getValue().getCount()));
        }
        ctx.json(new JsonObject()
                .put("ready", sluice.ready())
                .put("allow-replay", allowReplay)
                .put("sources", sources)
                .put("routes", routes)
                .put("sinks", sinks)
                .put("counters", counters));
    }

    private void deadLetters(RoutingContext ctx) {
        int limit = parseLimit(ctx.queryParams().get("limit"));
        sluice.deadLetters().list(limit).onComplete(done -> {
            if (done.failed()) {
                ctx.response()
                        .setStatusCode(503)
                        .end("dead-letter store unavailable: " + done.cause().getMessage());
                return;
            }
            JsonArray letters = new JsonArray();
            for (StoredLetter stored : done.result()) {
                letters.add(stored.letter()
                        .toJson()
                        .put("id", stored.id())
                        .put("event", EventCodec.toJson(stored.letter().event())));
            }
            ctx.json(new JsonObject().put("letters", letters));
        });
    }

    private void replay(RoutingContext ctx) {
        if (!allowReplay) {
            ctx.response().setStatusCode(403).end("replay is disabled: set admin.allow-replay: true\n");
            return;
        }
        String id = ctx.pathParam("id");
        sluice.deadLetters()
                .list(100_000)
                .map(all ->
                        all.stream().filter(l -> l.id().equals(id)).findFirst().orElse(null))
                .compose(stored -> stored == null
                        ? io.vertx.core.Future.failedFuture("no dead letter '" + id + "'")
                        : sluice.replay(stored.letter())
                                .compose(outcome ->
                                        sluice.deadLetters().delete(id).map(v -> outcome)))
                .onComplete(done -> {
                    if (done.succeeded()) {
                        LOG.info("Replayed dead letter '{}' from the admin API: {}", id, done.result());
                        ctx.json(new JsonObject()
                                .put("id", id)
                                .put("outcome", done.result().name()));
                    } else {
                        ctx.response().setStatusCode(409).end(done.cause().getMessage() + "\n");
                    }
                });
    }

    private static int parseLimit(String text) {
        try {
            return text == null ? 100 : Math.max(1, Math.min(10_000, Integer.parseInt(text)));
        } catch (NumberFormatException e) {
            return 100;
        }
    }
}
