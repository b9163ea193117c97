package io.sluice.app.replicas;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One {@code sluice run} OS process started from the packaged jar: its admin port for readiness
 * and metrics, and the file its stdout and stderr go to.
 */
final class SluiceProcess {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final Process process;
    private final int adminPort;
    private final Path log;

    SluiceProcess(String name, Process process, int adminPort, Path log) {
        this.name = name;
        this.process = process;
        this.adminPort = adminPort;
        this.log = log;
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until {@code /health/ready} answers 200; fails at once, naming the log, if the process exits. */
    SluiceProcess awaitReady(Duration atMost) {
        await("replica '" + name + "' ready (log: " + log + ")")
                .atMost(atMost)
                .pollInterval(Duration.ofMillis(100))
                .ignoreExceptions()
                .failFast("replica '" + name + "' exited; see " + log, () -> !process.isAlive())
                .until(() -> get("/health/ready").statusCode() == 200);
        return this;
    }

    /**
     * The sum of every series of a metric in {@code /metrics} (one series per label set), or 0 when
     * the metric has none.
     */
    double metric(String metric) throws IOException, InterruptedException {
        return get("/metrics")
                .body()
                .lines()
                .filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** SIGKILL: no shutdown hook, no grace, nothing settled or acknowledged on the way out. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new AssertionError("replica '" + name + "' (pid " + process.pid() + ") survived SIGKILL");
        }
    }

    /** SIGKILL without waiting, for a JVM shutdown hook. */
    void destroy() {
        process.destroyForcibly();
    }

    /** The exit status; 137 (128 + 9) after SIGKILL. */
    int exitValue() {
        return process.exitValue();
    }

    String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + path))
                .timeout(Duration.ofSeconds(2))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
