package io.sluice.connector.nats.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.MetricRegistry;
import io.sluice.config.ComponentConfig;
import io.sluice.config.ConfigException;
import io.sluice.config.SluiceConfig;
import io.sluice.pipeline.ComponentContext;
import io.sluice.processors.impl.DedupeProcessorFactory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/**
 * The {@code dedupe} processor's options with both stores on the classpath, checked by the
 * factories themselves (the schema stands in front of them only for configuration files).
 */
class JetStreamDedupeOptionsTest {

    private static final Path DEDUPE_SCHEMA =
            Path.of("../../schemas/src/main/resources/io/sluice/schemas/config/types/processor-dedupe.schema.json");

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRejects(String json) {
        ComponentConfig config = ComponentConfig.of("orders", "dedupe", new JsonObject(json));
        return assertThatThrownBy(() -> new DedupeProcessorFactory().create(config, new OfflineContext()))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void acceptsTheJetStreamStoreWithItsOptionsWithoutConnecting() {
        ComponentConfig config = ComponentConfig.of(
                "orders",
                "dedupe",
                new JsonObject("{\"store\": \"jetstream\", \"bucket\": \"orders-dedupe\", \"replicas\": 3,"
                        + " \"window\": \"2s\", \"key\": \"data.order\"}"));

        assertThat(new DedupeProcessorFactory().create(config, new OfflineContext()))
                .isNotNull();
    }

    @Test
    void anUnknownStoreIsRejectedListingBoth() {
        assertRejects("{\"store\": \"redis\"}")
                .hasMessageContaining("/store: is not a known dedupe store; known: jetstream, memory")
                .hasMessageContaining("redis");
    }

    @Test
    void anOptionOfTheOtherStoreIsRejectedNamingTheStoreItBelongsTo() {
        assertRejects("{\"bucket\": \"b\"}")
                .hasMessageContaining("/bucket: applies only to store: jetstream (store is memory)");
        assertRejects("{\"store\": \"jetstream\", \"max-entries\": 10}")
                .hasMessageContaining("/max-entries: applies only to store: memory (store is jetstream)");
    }

    @Test
    void badJetStreamOptionsAreRejectedByName() {
        assertRejects("{\"store\": \"jetstream\", \"bucket\": \"a.b\"}")
                .hasMessageContaining("/bucket: must be a bucket name: letters, digits, - and _")
                .hasMessageContaining("a.b");
        assertRejects("{\"store\": \"jetstream\", \"replicas\": 7}")
                .hasMessageContaining("/replicas: must be an integer between 1");
        assertRejects("{\"store\": \"jetstream\", \"window\": \"50ms\"}")
                .hasMessageContaining("/window: must be at least 100ms with store: jetstream");
    }

    @Test
    void theDedupeSchemaDeclaresExactlyThisStoresOptionsBesideTheOthers() throws IOException {
        JsonObject schema = new JsonObject(Files.readString(DEDUPE_SCHEMA));
        Set<String> declared = new HashSet<>(schema.getJsonObject("properties").fieldNames());

        declared.removeAll(Set.of("name", "type", "key", "window", "store", "max-entries"));

        assertThat(declared).isEqualTo(JetStreamDedupeStoreFactory.OPTIONS);
    }

    /** What a factory's {@code create} may use: metrics only; it connects to nothing. */
    private static final class OfflineContext implements ComponentContext {
        private final MetricRegistry metrics = new MetricRegistry();

        @Override
        public Vertx vertx() {
            throw new UnsupportedOperationException("create() must not use Vert.x");
        }

        @Override
        public MetricRegistry metrics() {
            return metrics;
        }

        @Override
        public Router publicRouter() {
            throw new UnsupportedOperationException("dedupe serves no HTTP");
        }

        @Override
        public SluiceConfig config() {
            throw new UnsupportedOperationException("create() must not read the nats section");
        }

        @Override
        public <T extends SharedResource> Future<T> shared(String key, Function<ComponentContext, Future<T>> factory) {
            throw new UnsupportedOperationException("create() must not open the NATS connection");
        }
    }
}
