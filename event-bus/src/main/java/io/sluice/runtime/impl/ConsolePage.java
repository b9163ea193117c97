package io.sluice.runtime.impl;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/** Serves the web console's static page from {@code io/sluice/console/} on the classpath. */
final class ConsolePage {

    private ConsolePage() {}

    static void mount(Router router) {
        // Vert.x matches "/console" for "/console/" too, so redirect only the bare path.
        router.get("/console").handler(ctx -> {
            if (ctx.request().path().endsWith("/")) {
                ctx.next();
            } else {
                ctx.redirect("/console/");
            }
        });
        router.get("/console/*")
                .handler(StaticHandler.create("io/sluice/console").setCachingEnabled(false));
    }
}
