package io.sluice.runtime.impl;

import com.codahale.metrics.MetricRegistry;
import io.sluice.config.ComponentConfig;
import io.sluice.config.ConfigException;
import io.sluice.config.ConfigProblem;
import io.sluice.config.RouteConfig;
import io.sluice.config.SluiceConfig;
import io.sluice.deadletter.DeadLetter;
import io.sluice.deadletter.DeadLetterStore;
import io.sluice.pipeline.Condition;
import io.sluice.pipeline.Outcome;
import io.sluice.pipeline.Processor;
import io.sluice.pipeline.Sink;
import io.sluice.pipeline.Source;
import io.sluice.runtime.Sluice;
import io.sluice.spi.SinkFactory;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds, starts and stops the components of one configuration. */
public final class SluiceImpl implements Sluice {

    private static final Logger LOG = LoggerFactory.getLogger(SluiceImpl.class);

    private final Vertx vertx;
    private final SluiceConfig config;
    private final MetricRegistry metrics = new MetricRegistry();
    private final ComponentContextImpl components;
    private final Dispatcher dispatcher = new Dispatcher();
    private final Map<String, SourceContextImpl> sourceContexts = new LinkedHashMap<>();
    private final Map<String, Source> sources = new LinkedHashMap<>();
    private final Map<String, SinkVerticle> sinks = new LinkedHashMap<>();
    private final List<RouteVerticle> routes = new ArrayList<>();
    private final List<String> deployments = new ArrayList<>();
    private final List<String> sourceDeployments = new ArrayList<>();
    private DeadLetterStore deadLetterStore;
    private HttpServer publicServer;
    private HttpServer adminServer;
    private volatile boolean running;
    /** Problems found before the components were built (by the schema): see {@link #collect}. */
    private List<ConfigProblem> known = List.of();

    private SluiceImpl(Vertx vertx, SluiceConfig config) {
        this.vertx = vertx;
        this.config = config;
        this.components = new ComponentContextImpl(vertx, metrics, Router.router(vertx), config);
    }

    /** See {@link Sluice#start}. */
    public static Future<Sluice> start(Vertx vertx, SluiceConfig config) {
        SluiceImpl sluice = new SluiceImpl(vertx, config);
        Factories factories = new Factories();
        DeadLetters deadLetters;
        try {
            deadLetters = sluice.build(factories);
        } catch (ConfigException e) {
            return Future.failedFuture(e);
        }
        return factories
                .of(factories.deadLetterStores, config.deadLetter(), "dead-letter store")
                .open(config.deadLetter(), sluice.components)
                .compose(store -> sluice.deploy(store, deadLetters))
                .recover(failure -> sluice.stop().transform(v -> Future.failedFuture(failure)));
    }

    /** See {@link Sluice#openDeadLetters}. */
    public static Future<DeadLetterStore> openDeadLetters(Vertx vertx, SluiceConfig config) {
        SluiceImpl sluice = new SluiceImpl(vertx, config);
        Factories factories = new Factories();
        return factories
                .of(factories.deadLetterStores, config.deadLetter(), "dead-letter store")
                .open(config.deadLetter(), sluice.components)
                .map(store -> (DeadLetterStore) new ClosingStore(store, sluice.components));
    }

    /** See {@link Sluice#check}. */
    public static void check(Vertx vertx, SluiceConfig config, List<ConfigProblem> known) {
        Factories factories = new Factories();
        SluiceImpl sluice = new SluiceImpl(vertx, config);
        sluice.known = List.copyOf(known);
        List<ConfigProblem> problems = new ArrayList<>();
        sluice.collect(problems, "", () -> sluice.build(factories));
        if (config.root().containsKey("dead-letter")) {
            // Absent, it is a schema problem already, not a store of an unknown type.
            sluice.collect(
                    problems,
                    config.deadLetter().pointer(),
                    () -> factories.of(factories.deadLetterStores, config.deadLetter(), "dead-letter store"));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    private DeadLetters build(Factories factories) {
        List<ConfigProblem> problems = new ArrayList<>();
        DeadLetters deadLetters = new DeadLetters(new PendingStore(), metrics);
        dispatcher.deadLetters(deadLetters);
        for (ComponentConfig sink : config.sinks()) {
            collect(problems, sink.pointer(), () -> sinks.put(sink.name(), buildSink(factories, sink, deadLetters)));
        }
        for (ComponentConfig source : config.sources()) {
            sourceContexts.put(
                    source.name(), new SourceContextImpl(source.name(), dispatcher, deadLetters, components));
        }
        for (RouteConfig route : config.routes()) {
            collect(problems, route.config().pointer(), () -> routes.add(buildRoute(factories, route, deadLetters)));
        }
        sourceContexts.values().forEach(SourceContextImpl::bind);
        for (ComponentConfig source : config.sources()) {
            collect(
                    problems,
                    source.pointer(),
                    () -> sources.put(
                            source.name(),
                            factories
                                    .of(factories.sources, source, "source")
                                    .create(source, sourceContexts.get(source.name()))));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return deadLetters;
    }

    private SinkVerticle buildSink(Factories factories, ComponentConfig config, DeadLetters deadLetters) {
        SinkFactory factory = factories.of(factories.sinks, config, "sink");
        Sink sink = factory.create(config, components);
        SinkPolicy policy = SinkPolicy.from(config, sink.ownsRetries());
        return new SinkVerticle(config.name(), sink, policy, deadLetters, dispatcher::reply, metrics);
    }

    private RouteVerticle buildRoute(Factories factories, RouteConfig route, DeadLetters deadLetters) {
        Condition condition = Condition.ALWAYS;
        if (route.when() != null) {
            if (factories.conditions.isEmpty()) {
                throw route.config()
                        .problem(
                                "when",
                                "needs a condition language on the classpath (sluice-processors)",
                                route.when());
            }
            try {
                condition = factories.conditions.get().compile(route.when());
            } catch (IllegalArgumentException e) {
                throw route.config().problem("when", e.getMessage(), route.when());
            }
        }
        List<Processor> processors = new ArrayList<>();
        for (ComponentConfig processor : route.processors()) {
            processors.add(
                    factories.of(factories.processors, processor, "processor").create(processor, components));
        }
        List<SinkVerticle> targets = new ArrayList<>();
        route.to().forEach(name -> targets.add(sinks.get(name)));
        List<SourceContextImpl> feeders = new ArrayList<>();
        route.from().forEach(input -> {
            if (sourceContexts.containsKey(input)) {
                feeders.add(sourceContexts.get(input));
            }
        });
        if (route.orderingKey() != null) {
            try {
                OrderingKey.parse(route.orderingKey());
            } catch (IllegalArgumentException e) {
                throw route.config().problem("ordering-key", e.getMessage(), route.orderingKey());
            }
        }
        RouteVerticle verticle = new RouteVerticle(
                route,
                condition,
                processors,
                targets,
                deadLetters,
                metrics,
                () -> feeders.forEach(SourceContextImpl::capacityFreed));
        route.from().forEach(input -> dispatcher.add(input, verticle));
        return verticle;
    }

    /**
     * Runs one component's step, adding its problems. A component with a {@link #known} problem (the
     * schema's) is not checked again, and while any is known a step that fails otherwise is passed
     * over: it may have tripped on what the schema already reported, such as a sink left unbuilt.
     */
    private void collect(List<ConfigProblem> problems, String pointer, Runnable step) {
        if (!pointer.isEmpty()
                && known.stream()
                        .anyMatch(p -> p.key().equals(pointer) || p.key().startsWith(pointer + "/"))) {
            return;
        }
        try {
            step.run();
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        } catch (RuntimeException e) {
            if (known.isEmpty()) {
                throw e;
            }
        }
    }

    private Future<Sluice> deploy(DeadLetterStore store, DeadLetters deadLetters) {
        this.deadLetterStore = store;
        ((PendingStore) deadLetters.store()).bind(store);
        return deployAll(new ArrayList<>(sinks.values()), deployments)
                .compose(v -> deployAll(new ArrayList<>(routes), deployments))
                .compose(v -> deployAll(new ArrayList<>(sources.values()), sourceDeployments))
                .compose(v -> listen())
                .map(v -> {
                    running = true;
                    LOG.info(
                            "Sluice started: {} source(s) {}, {} route(s), {} sink(s) {};"
                                    + " public port {}, admin port {}",
                            sources.size(),
                            sources.keySet(),
                            routes.size(),
                            sinks.size(),
                            sinks.keySet(),
                            publicPort(),
                            adminPort());
                    return this;
                });
    }

    private Future<Void> deployAll(List<? extends io.vertx.core.Deployable> verticles, List<String> ids) {
        Future<Void> chain = Future.succeededFuture();
        for (io.vertx.core.Deployable verticle : verticles) {
            chain = chain.compose(v -> vertx.deployVerticle(verticle).map(id -> {
                ids.add(id);
                return null;
            }));
        }
        return chain;
    }

    private Future<Void> listen() {
        AdminRoutes admin = new AdminRoutes(this, vertx);
        return listen("public", "http", config.http(), 8080, components.publicRouter())
                .compose(server -> {
                    publicServer = server;
                    return listen("admin", "admin", config.admin(), 8081, admin.router());
                })
                .map(server -> {
                    adminServer = server;
                    return null;
                });
    }

    /**
     * Binds one server. A bind failure alone says only "Address already in use", so the failure names
     * the server, the address and the config key that moves it.
     */
    private Future<HttpServer> listen(
            String server, String key, ComponentConfig options, int defaultPort, Router router) {
        int wanted = options.integer("port", defaultPort, 0, 65535);
        String host = options.string("host", "0.0.0.0");
        return vertx.createHttpServer()
                .requestHandler(router)
                .listen(wanted, host)
                .recover(e -> Future.failedFuture(new IllegalStateException(
                        String.format(
                                "the %s server could not listen on %s:%d (%s); change %s.port in the config to a"
                                        + " free port",
                                server, host, wanted, e.getMessage(), key),
                        e)));
    }

    @Override
    public Future<Void> stop() {
        running = false;
        Duration grace = config.root().containsKey("shutdown-grace")
                ? new ComponentConfig("sluice", "sluice", config.root(), "", config.origin())
                        .duration("shutdown-grace", Duration.ofSeconds(10))
                : Duration.ofSeconds(10);
        return undeploy(sourceDeployments)
                .compose(v -> drain(System.nanoTime() + grace.toNanos()))
                .compose(v -> undeploy(deployments))
                .compose(v -> closeQuietly(publicServer == null ? null : publicServer::close))
                .compose(v -> closeQuietly(adminServer == null ? null : adminServer::close))
                .compose(v -> closeQuietly(deadLetterStore == null ? null : deadLetterStore::close))
                .compose(v -> components.closeShared())
                .onComplete(v -> LOG.info("Sluice stopped"));
    }

    private Future<Void> drain(long deadline) {
        int inflight = 0;
        for (RouteVerticle route : routes) {
            inflight += route.inflight();
        }
        if (inflight == 0 || System.nanoTime() > deadline) {
            if (inflight > 0) {
                LOG.warn(
                        "Stopping with {} event(s) still in flight; their messages stay unacknowledged and are"
                                + " redelivered",
                        inflight);
            }
            return Future.succeededFuture();
        }
        return vertx.timer(50).compose(t -> drain(deadline));
    }

    private Future<Void> undeploy(List<String> ids) {
        List<Future<Void>> undeployed = new ArrayList<>();
        for (String id : ids) {
            undeployed.add(vertx.undeploy(id).recover(e -> {
                LOG.warn("Undeploying '{}' failed", id, e);
                return Future.succeededFuture();
            }));
        }
        ids.clear();
        return Future.join(undeployed).mapEmpty();
    }

    private static Future<Void> closeQuietly(Supplier<Future<Void>> close) {
        if (close == null) {
            return Future.succeededFuture();
        }
        return close.get().recover(e -> {
            LOG.warn("Closing failed", e);
            return Future.succeededFuture();
        });
    }

    @Override
    public Future<Outcome> replay(DeadLetter letter) {
        Promise<Outcome> promise = Promise.promise();
        Settlement settlement = Settlement.root(done -> {
            if (done.failure() != null) {
                promise.fail(done.failure());
            } else {
                promise.complete(done.outcome());
            }
        });
        SinkVerticle sink = letter.sink() == null ? null : sinks.get(letter.sink());
        RouteVerticle route = routes.stream()
                .filter(r -> r.name().equals(letter.route()))
                .findFirst()
                .orElse(null);
        if (sink != null) {
            sink.submit(letter.event(), letter.origin(), letter.route(), settlement);
        } else if (route != null) {
            route.accept(letter.event(), letter.origin(), settlement);
        } else {
            return Future.failedFuture("dead letter names no sink or route of this configuration (sink '"
                    + letter.sink() + "', route '" + letter.route() + "'); it cannot be replayed here");
        }
        settlement.seal();
        return promise.future();
    }

    @Override
    public boolean ready() {
        return running && sourceContexts.values().stream().allMatch(SourceContextImpl::isConnected);
    }

    Map<String, SinkVerticle> sinkRunners() {
        return sinks;
    }

    List<RouteVerticle> routeRunners() {
        return routes;
    }

    SluiceConfig config() {
        return config;
    }

    Map<String, Boolean> sourceHealth() {
        Map<String, Boolean> health = new LinkedHashMap<>();
        sourceContexts.forEach((name, context) -> health.put(name, context.isConnected()));
        return health;
    }

    @Override
    public MetricRegistry metrics() {
        return metrics;
    }

    @Override
    public DeadLetterStore deadLetters() {
        return deadLetterStore;
    }

    @Override
    public int publicPort() {
        return publicServer == null ? -1 : publicServer.actualPort();
    }

    @Override
    public int adminPort() {
        return adminServer == null ? -1 : adminServer.actualPort();
    }
}
