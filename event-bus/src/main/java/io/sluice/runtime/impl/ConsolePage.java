package io.sluice.runtime.impl;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/** Serves the web console's static page from {@code io/sluice/console/} on the classpath. */
final class ConsolePage {

    private ConsolePage() {}

    static void mount(Router router) {
        router.get("/console").handler(ctx -> ctx.redirect("/console/"));
        router.get("/console/*")
                .handler(StaticHandler.create("io/sluice/console").setCachingEnabled(false));
    }
}
