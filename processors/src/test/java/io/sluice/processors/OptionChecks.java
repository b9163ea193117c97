package io.sluice.processors;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.MetricRegistry;
import io.sluice.config.ComponentConfig;
import io.sluice.config.ConfigException;
import io.sluice.config.SluiceConfig;
import io.sluice.pipeline.ComponentContext;
import io.sluice.spi.ProcessorFactory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.function.Function;
import org.assertj.core.api.AbstractThrowableAssert;

/**
 * Checks a factory's own option validation, without the configuration schema in front of it: the
 * schema catches structural mistakes first when a file is loaded, but the factory is what stands
 * behind every other path (custom loaders, types the schema does not know).
 */
public final class OptionChecks {

    private static final SluiceConfig EMPTY = PipelineFixture.config("option-checks", "");

    private OptionChecks() {}

    /** Asserts that the factory refuses the options; the message then names the key. */
    public static AbstractThrowableAssert<?, ? extends Throwable> assertRejects(ProcessorFactory factory, String json) {
        ComponentConfig config = ComponentConfig.of("route", factory.type(), new JsonObject(json));
        return assertThatThrownBy(() -> factory.create(config, new StubContext()))
                .isInstanceOf(ConfigException.class);
    }

    /** Enough of a context for a factory's {@code create}, which connects to nothing. */
    private static final class StubContext implements ComponentContext {
        private final MetricRegistry metrics = new MetricRegistry();

        @Override
        public Vertx vertx() {
            throw new UnsupportedOperationException("factories do not use Vert.x in create()");
        }

        @Override
        public MetricRegistry metrics() {
            return metrics;
        }

        @Override
        public Router publicRouter() {
            throw new UnsupportedOperationException("processors serve no HTTP");
        }

        @Override
        public SluiceConfig config() {
            return EMPTY;
        }

        @Override
        public <T extends SharedResource> Future<T> shared(String key, Function<ComponentContext, Future<T>> factory) {
            return Future.failedFuture("no shared resources in option checks");
        }
    }
}
