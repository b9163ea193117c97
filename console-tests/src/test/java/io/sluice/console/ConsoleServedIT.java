package io.sluice.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.config.ConfigLoader;
import io.sluice.config.Substitutions;
import io.sluice.runtime.Sluice;
import io.sluice.testing.Await;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How the admin listener serves the console's files, with and without {@code admin.token}. */
class ConsoleServedIT {

    private static final String TOKEN = "console-test-token";

    private final HttpClient http = HttpClient.newHttpClient();
    private Vertx vertx;
    private Sluice sluice;

    @BeforeEach
    void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() {
        if (sluice != null) {
            Await.result(sluice.stop());
        }
        Await.result(vertx.close());
    }

    @Test
    void bareConsoleUrlRedirectsToTheDirectory() throws Exception {
        start("served-redirect", "");

        HttpResponse<String> response = get("/console", null);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValue("/console/");
    }

    @Test
    void directoryUrlServesThePageAndItsAssets() throws Exception {
        start("served-page", "");

        HttpResponse<String> page = get("/console/", null);
        HttpResponse<String> script = get("/console/console.js", null);
        HttpResponse<String> style = get("/console/console.css", null);

        assertThat(page.statusCode()).as("GET /console/").isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("console.js", "console.css");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("/dead-letters?limit=100", "/replay");
        assertThat(style.statusCode()).isEqualTo(200);
        assertThat(style.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
    }

    @Test
    void tokenMakesTheBrowserPromptForBasicAuth() throws Exception {
        start("served-auth", ", token: " + TOKEN);
        String basic =
                "Basic " + Base64.getEncoder().encodeToString(("admin:" + TOKEN).getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> anonymous = get("/console/", null);
        HttpResponse<String> signedIn = get("/console/", basic);
        HttpResponse<String> api = get("/api/status", basic);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic "));
        assertThat(anonymous.body()).doesNotContain(TOKEN);
        assertThat(signedIn.statusCode()).as("GET /console/ with the token").isEqualTo(200);
        assertThat(api.statusCode()).as("GET /api/status with the token").isEqualTo(200);
        assertThat(api.body()).doesNotContain(TOKEN);
    }

    private void start(String name, String adminExtra) {
        String config = "http: {port: 0, host: 127.0.0.1}\n"
                + "admin: {port: 0, host: 127.0.0.1" + adminExtra + "}\n"
                + "dead-letter: {type: memory, name: " + name + "}\n"
                + "sources: [{name: " + name + "-in, type: manual}]\n"
                + "sinks: [{name: " + name + "-out, type: scripted}]\n"
                + "routes: [{name: " + name + ", from: " + name + "-in, to: " + name + "-out}]\n";
        sluice = Await.result(Sluice.start(
                vertx, new ConfigLoader(new Substitutions(Map.of(), Path.of("/none"))).parse(name + ".yaml", config)));
    }

    private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sluice.adminPort() + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
