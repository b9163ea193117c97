package io.sluice.connector.postgres.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.config.ComponentConfig;
import io.sluice.config.ConfigException;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CdcSettingsTest {

    private static CdcSettings read(String json) {
        return CdcSettings.from(ComponentConfig.of("orders-feed", "postgres-cdc", new JsonObject(json)));
    }

    @Test
    void defaultsFollowTheSourceName() {
        CdcSettings settings = read("{\"url\":\"postgresql://app@db/shop\"}");

        assertThat(settings.slot()).isEqualTo("sluice_orders_feed");
        assertThat(settings.createSlot()).isTrue();
        assertThat(settings.heartbeatInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.statusInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.maxInflight()).isEqualTo(1000);
        assertThat(settings.tables().toString()).isEqualTo("every table");
    }

    @Test
    void filtersIsAnotherNameForTables() {
        CdcSettings settings = read("{\"url\":\"postgresql://app@db/shop\",\"filters\":\"users:insert,orders\"}");

        assertThat(settings.tables().toString()).isEqualTo("public.users:insert,public.orders:*");
    }

    @Test
    void rejectsBadOptionsNamingKeyAndRule() {
        assertThatThrownBy(() -> read("{}")).isInstanceOf(ConfigException.class).hasMessageContaining("url");
        assertThatThrownBy(() -> read("{\"url\":\"postgresql://app@db/shop\",\"slot\":\"Bad-Slot\"}"))
                .hasMessageContaining("slot")
                .hasMessageContaining("lower-case letters, digits or underscores");
        assertThatThrownBy(() -> read("{\"url\":\"postgresql://app@db/shop\",\"tables\":\"a\",\"filters\":\"b\"}"))
                .hasMessageContaining("give only one of them");
        assertThatThrownBy(() -> read("{\"url\":\"postgresql://app@db/shop\",\"status-interval\":\"2m\"}"))
                .hasMessageContaining("wal_sender_timeout");
        assertThatThrownBy(() -> read("{\"url\":\"postgresql://app@db/shop\",\"publication\":\"p\"}"))
                .hasMessageContaining("publication");
    }

    @Test
    void neverEchoesAPasswordInAnError() {
        assertThatThrownBy(() -> read("{\"url\":\"mysql://app:hunter2@db/shop\"}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageNotContaining("hunter2");
    }
}
