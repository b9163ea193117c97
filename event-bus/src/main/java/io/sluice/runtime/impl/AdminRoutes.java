package io.sluice.runtime.impl;

import io.sluice.metrics.PrometheusText;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The admin listener: {@code /metrics}, {@code /health/live}, {@code /health/ready} (open, for
 * Prometheus and the kubelet), and the console with its JSON API (behind {@code admin.token} when
 * set). It listens apart from the public listener, so neither is reachable from where webhooks come.
 */
final class AdminRoutes {

    private final SluiceImpl sluice;
    private final Router router;

    AdminRoutes(SluiceImpl sluice, Vertx vertx) {
        this.sluice = sluice;
        this.router = Router.router(vertx);
        router.get("/metrics").handler(this::metrics);
        router.get("/health/live").handler(ctx -> ctx.json(new JsonObject().put("status", "UP")));
        router.get("/health/ready").handler(this::ready);
        String token = sluice.config().admin().string("token", null);
        if (token != null && !token.isEmpty()) {
            router.route("/api/*").handler(new AdminAuth(token));
            router.route("/console*").handler(new AdminAuth(token));
        }
        new AdminApi(sluice, sluice.config().admin().bool("allow-replay", false)).mount(router);
        ConsolePage.mount(router);
    }

    Router router() {
        return router;
    }

    private void metrics(RoutingContext ctx) {
        ctx.response()
                .putHeader("Content-Type", PrometheusText.CONTENT_TYPE)
                .end(PrometheusText.write(sluice.metrics()));
    }

    private void ready(RoutingContext ctx) {
        JsonObject sources = new JsonObject();
        sluice.sourceHealth().forEach((name, connected) -> sources.put(name, connected ? "UP" : "DOWN"));
        boolean ready = sluice.ready();
        ctx.response()
                .setStatusCode(ready ? 200 : 503)
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject()
                        .put("status", ready ? "UP" : "DOWN")
                        .put("sources", sources)
                        .encode());
    }
}
