package io.sluice.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.config.ConfigLoader;
import io.sluice.config.Substitutions;
import io.sluice.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ListenTest {

    private Vertx vertx;
    private HttpServer squatter;

    @BeforeEach
    void bindAPortFirst() {
        vertx = Vertx.vertx();
        squatter = Await.result(
                vertx.createHttpServer().requestHandler(r -> r.response().end()).listen(0, "127.0.0.1"));
    }

    @AfterEach
    void stop() {
        Await.result(vertx.close());
    }

    private Throwable startFailure(String name, String http, String admin) {
        String config = "http: " + http + "\n"
                + "admin: " + admin + "\n"
                + "dead-letter: {type: memory, name: " + name + "}\n"
                + "sources: [{name: in, type: manual}]\n"
                + "sinks: [{name: out, type: scripted}]\n"
                + "routes: [{name: r, from: [in], to: [out]}]\n";
        return Await.failure(Sluice.start(
                vertx, new ConfigLoader(new Substitutions(Map.of(), Path.of("/none"))).parse(name + ".yaml", config)));
    }

    @Test
    void namesThePublicServerItsAddressAndTheKeyWhenThePortIsTaken() {
        int taken = squatter.actualPort();

        Throwable failure =
                startFailure("taken-public", "{port: " + taken + ", host: 127.0.0.1}", "{port: 0, host: 127.0.0.1}");

        assertThat(failure.getMessage())
                .startsWith("the public server could not listen on 127.0.0.1:" + taken + " (")
                .contains("change http.port in the config");
    }

    @Test
    void namesTheAdminServerItsAddressAndTheKeyWhenThePortIsTaken() {
        int taken = squatter.actualPort();

        Throwable failure =
                startFailure("taken-admin", "{port: 0, host: 127.0.0.1}", "{port: " + taken + ", host: 127.0.0.1}");

        assertThat(failure.getMessage())
                .startsWith("the admin server could not listen on 127.0.0.1:" + taken + " (")
                .contains("change admin.port in the config");
    }
}
