package io.sluice.connector.kafka.testing;

import io.sluice.testing.TestServices;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A single-node KRaft broker of a test's own, for a test that must stop and start its broker: the
 * shared broker of {@code scripts/kafka.sh} serves every other test and must stay up. It runs the
 * same jars ({@code KAFKA_LIB_DIR}) and the same configuration template ({@code
 * scripts/kafka/server.properties}) in its own JVM, on free ports, with its log directory under the
 * test's directory, so a restart finds its topics and committed offsets again.
 */
public final class PrivateBroker implements AutoCloseable {

    private static final String CLUSTER_ID = "c2x1aWNlLXByaXZhdGUtMDE";
    private static final Duration START_WITHIN = Duration.ofSeconds(60);

    private final Path dir;
    private final Path lib;
    private final int port;
    private Process process;

    private PrivateBroker(Path dir, Path lib, int port) {
        this.dir = dir;
        this.lib = lib;
        this.port = port;
    }

    /** Formats a log directory under {@code dir} and starts the broker on it. */
    public static PrivateBroker start(Path dir) throws IOException, InterruptedException {
        PrivateBroker broker = new PrivateBroker(dir, libDir(), freePort());
        broker.configure(freePort());
        broker.run("kafka.tools.StorageTool", "format", "-t", CLUSTER_ID, "-c", broker.config(), "--ignore-formatted")
                .waitFor(START_WITHIN.toSeconds(), TimeUnit.SECONDS);
        broker.start();
        return broker;
    }

    public String bootstrap() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker again on the same log directory and port. */
    public void start() throws IOException, InterruptedException {
        process = run("kafka.Kafka", config());
        long deadline = System.nanoTime() + START_WITHIN.toNanos();
        while (!listening()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                Assertions.fail("the private broker did not start; see " + dir.resolve("kafka.log") + ":\n"
                        + tail(dir.resolve("kafka.log")));
            }
            Thread.sleep(100);
        }
    }

    /** Stops the broker as an operator would (SIGTERM), waiting until its process is gone. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private void configure(int controllerPort) throws IOException {
        Path template = Path.of("../../scripts/kafka/server.properties");
        String config = Files.readString(template)
                .replace("@DATA_DIR@", dir.resolve("data").toString())
                .replace("@PORT@", Integer.toString(port))
                .replace("@CONTROLLER_PORT@", Integer.toString(controllerPort));
        Files.writeString(dir.resolve("server.properties"), config);
        Files.copy(Path.of("../../scripts/kafka/log4j2.properties"), dir.resolve("log4j2.properties"));
    }

    private String config() {
        return dir.resolve("server.properties").toString();
    }

    private Process run(String main, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms128m",
                "-Xmx256m",
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"),
                "-cp",
                lib + "/*",
                main));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("kafka.log").toFile()))
                .start();
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path libDir() {
        TestServices.kafkaBootstrap();
        String lib = System.getenv("KAFKA_LIB_DIR");
        if (lib == null || !Files.isDirectory(Path.of(lib))) {
            String hint = "KAFKA_LIB_DIR is not set or missing: run `bash scripts/kafka.sh start && source"
                    + " /tmp/sluice-services/kafka.env`";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(hint);
            }
            Assumptions.abort(hint);
        }
        return Path.of(lib);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
