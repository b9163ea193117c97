package io.sluice.connector.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.config.ComponentConfig;
import io.sluice.config.ConfigException;
import io.sluice.config.ConfigProblem;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class KafkaSettingsTest {

    private static ComponentConfig config(String json) {
        return ComponentConfig.of("orders", "kafka", new JsonObject(json));
    }

    @Test
    void sourceDefaultsCommitManuallyAndBoundEachPoll() {
        KafkaSourceSettings settings =
                KafkaSourceSettings.from(config("{\"bootstrap-servers\":[\"a:9092\",\"b:9092\"],\"topics\":\"x, y\"}"));

        assertThat(settings.group()).isEqualTo("sluice-orders");
        assertThat(settings.topics()).isEqualTo(List.of("x", "y"));
        assertThat(settings.consumerConfig())
                .containsEntry("bootstrap.servers", "a:9092,b:9092")
                .containsEntry("group.id", "sluice-orders")
                .containsEntry("enable.auto.commit", "false")
                .containsEntry("auto.offset.reset", "earliest")
                .containsEntry("max.poll.records", "256");
    }

    @Test
    void sourcePassesNativeOptionsThrough() {
        KafkaSourceSettings settings = KafkaSourceSettings.from(config(
                "{\"bootstrap-servers\":\"a:9092\",\"topic-pattern\":\"orders-.*\",\"initial-offset\":\"newest\","
                        + "\"kafka\":{\"security.protocol\":\"SSL\",\"max.poll.records\":10}}"));

        assertThat(settings.topicPattern().pattern()).isEqualTo("orders-.*");
        assertThat(settings.consumerConfig())
                .containsEntry("security.protocol", "SSL")
                .containsEntry("max.poll.records", "10")
                .containsEntry("auto.offset.reset", "latest");
    }

    @Test
    void sourceRejectsANativeOptionItSetsItself() {
        ComponentConfig config =
                config("{\"bootstrap-servers\":\"a:9092\",\"topics\":[\"x\"],\"kafka\":{\"enable.auto.commit\":true}}");

        assertThatThrownBy(() -> KafkaSourceSettings.from(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("enable.auto.commit")
                .hasMessageContaining("settled");
    }

    @Test
    void sourceNeedsExactlyOneOfTopicsAndPattern() {
        ComponentConfig neither = config("{\"bootstrap-servers\":\"a:9092\"}");
        ComponentConfig both = config("{\"bootstrap-servers\":\"a:9092\",\"topics\":[\"x\"],\"topic-pattern\":\"y\"}");

        assertThatThrownBy(() -> KafkaSourceSettings.from(neither)).hasMessageContaining("topic-pattern");
        assertThatThrownBy(() -> KafkaSourceSettings.from(both)).hasMessageContaining("exactly one");
    }

    @Test
    void sinkDefaultsToDurableIdempotentWrites() {
        KafkaSinkSettings settings =
                KafkaSinkSettings.from(config("{\"bootstrap-servers\":\"a:9092\",\"topic\":\"t\"}"));

        assertThat(settings.producerConfig())
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", "true")
                .containsEntry("bootstrap.servers", "a:9092");
        assertThat(settings.key()).isEqualTo("extension:partitionkey");
        assertThat(settings.structured()).isFalse();
    }

    @Test
    void sinkProducerGivesUpBeforeTheCoreTimesTheSendOut() {
        KafkaSinkSettings settings = KafkaSinkSettings.from(
                config("{\"bootstrap-servers\":\"a:9092\",\"topic\":\"t\",\"timeout\":\"30s\"}"));

        assertThat(settings.producerConfig())
                .containsEntry("max.block.ms", "10000")
                .containsEntry("request.timeout.ms", "10000")
                .containsEntry("delivery.timeout.ms", "19000");
    }

    @Test
    void sinkRejectsAKeyItCannotRead() {
        ComponentConfig config = config("{\"bootstrap-servers\":\"a:9092\",\"topic\":\"t\",\"key\":\"data.id\"}");

        assertThatThrownBy(() -> KafkaSinkSettings.from(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key")
                .hasMessageContaining("field:<dotted path>");
    }

    @Test
    void aNativeOptionTheClientWouldRefuseIsAConfigErrorNamingIt() {
        ComponentConfig source = config(
                "{\"bootstrap-servers\":\"a:9092\",\"topics\":[\"x\"],\"kafka\":{\"max.poll.records\":\"lots\"}}");
        ComponentConfig sink =
                config("{\"bootstrap-servers\":\"a:9092\",\"topic\":\"t\",\"kafka\":{\"compression.type\":\"rar\"}}");

        assertThatThrownBy(() -> KafkaSourceSettings.from(source))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("kafka/max.poll.records")
                .hasMessageContaining("lots");
        assertThatThrownBy(() -> KafkaSinkSettings.from(sink))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("kafka/compression.type")
                .hasMessageContaining("rar");
    }

    @Test
    void propertiesTheClientDoesNotDefinePassForItsPlugins() {
        KafkaSourceSettings settings =
                KafkaSourceSettings.from(config("{\"bootstrap-servers\":\"a:9092\",\"topics\":[\"x\"],"
                        + "\"kafka\":{\"schema.registry.url\":\"http://r\"}}"));

        assertThat(settings.consumerConfig()).containsEntry("schema.registry.url", "http://r");
    }

    @Test
    void sinkRefusesAWeakerAcksWhileIdempotentButTakesItWhenTold() {
        ComponentConfig weak = config("{\"bootstrap-servers\":\"a:9092\",\"topic\":\"t\",\"kafka\":{\"acks\":\"1\"}}");
        ComponentConfig told = config("{\"bootstrap-servers\":\"a:9092\",\"topic\":\"t\","
                + "\"kafka\":{\"acks\":1,\"enable.idempotence\":false}}");

        assertThatThrownBy(() -> KafkaSinkSettings.from(weak))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("kafka/acks")
                .hasMessageContaining("enable.idempotence");
        assertThat(KafkaSinkSettings.from(told).producerConfig())
                .containsEntry("acks", "1")
                .containsEntry("enable.idempotence", "false");
    }

    @Test
    void bootstrapServersMustBeHostAndPort() {
        ComponentConfig noPort = config("{\"bootstrap-servers\":\"a:9092,nohostport\",\"topics\":[\"x\"]}");

        assertThatThrownBy(() -> KafkaSourceSettings.from(noPort))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bootstrap-servers")
                .hasMessageContaining("nohostport");
        assertThat(KafkaSourceSettings.from(
                                config("{\"bootstrap-servers\":\"[::1]:9092, b.example:19092, PLAINTEXT://c:9092\","
                                        + "\"topics\":[\"x\"]}"))
                        .bootstrapServers())
                .isEqualTo("[::1]:9092,b.example:19092,PLAINTEXT://c:9092");
    }

    @Test
    void sinkPathsMustNotHaveEmptySteps() {
        ComponentConfig topicField = config("{\"bootstrap-servers\":\"a:9092\",\"topic-field\":\"route..topic\"}");
        ComponentConfig keyField = config("{\"bootstrap-servers\":\"a:9092\",\"topic\":\"t\",\"key\":\"field:a..b\"}");

        assertThatThrownBy(() -> KafkaSinkSettings.from(topicField))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("topic-field");
        assertThatThrownBy(() -> KafkaSinkSettings.from(keyField))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("key");
        assertThat(KafkaSinkSettings.from(config("{\"bootstrap-servers\":\"a:9092\",\"topic-field\":\"route.topic\","
                                + "\"key\":\"field:customer.id\"}"))
                        .key())
                .isEqualTo("field:customer.id");
    }

    @Test
    void everyRefusedNativeOptionOfAComponentIsListed() {
        ComponentConfig source = config("{\"bootstrap-servers\":\"a:9092\",\"topics\":[\"x\"],"
                + "\"kafka\":{\"session.timeout.ms\":\"soon\",\"max.poll.records\":\"lots\"}}");

        assertThatThrownBy(() -> KafkaSourceSettings.from(source))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .extracting(ConfigProblem::key)
                                .containsExactlyInAnyOrder("/kafka/session.timeout.ms", "/kafka/max.poll.records"));
    }

    @Test
    void anEmptyGroupIsRefusedRatherThanRejoinedForever() {
        ComponentConfig config = config("{\"bootstrap-servers\":\"a:9092\",\"topics\":[\"x\"],\"group\":\"\"}");

        assertThatThrownBy(() -> KafkaSourceSettings.from(config))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("group")
                .hasMessageContaining("must not be empty");
    }

    @Test
    void sinkRefusesWhatTheIdempotentProducerWouldRefuse() {
        ComponentConfig inFlight = config("{\"bootstrap-servers\":\"a:9092\",\"topic\":\"t\","
                + "\"kafka\":{\"max.in.flight.requests.per.connection\":10}}");
        ComponentConfig noRetries =
                config("{\"bootstrap-servers\":\"a:9092\",\"topic\":\"t\",\"kafka\":{\"retries\":0}}");

        assertThatThrownBy(() -> KafkaSinkSettings.from(inFlight))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("kafka/max.in.flight.requests.per.connection")
                .hasMessageContaining("at most 5");
        assertThatThrownBy(() -> KafkaSinkSettings.from(noRetries))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("kafka/retries");
    }
}
