package io.sluice.app.replicas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts {@code sluice run} processes from the jar the {@code package} phase built, each with its
 * own public and admin ports ({@code SLUICE_HTTP_PORT}, {@code SLUICE_ADMIN_PORT}), as replicas of
 * one configuration on one machine. A test kills them in its {@code @AfterEach}, before it drops
 * what they read; a JVM shutdown hook kills any left if the test JVM itself is stopped.
 *
 * <p>Each test gets a directory, {@code target/replica-processes/<class>/<method>/}, holding the
 * configuration and one log per process (stdout and stderr); when the test fails, the logs are
 * written to the test's output as well.
 */
final class SluiceProcesses implements BeforeEachCallback, TestWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(SluiceProcesses.class);

    private final List<SluiceProcess> started = new CopyOnWriteArrayList<>();
    private final Set<Integer> ports = new HashSet<>();
    private Path directory;

    SluiceProcesses() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::destroyAll, "sluice-replica-reaper"));
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        Path root = Path.of(System.getProperty("sluice.process-dir", "target/replica-processes"));
        directory = root.resolve(context.getRequiredTestClass().getSimpleName())
                .resolve(context.getRequiredTestMethod().getName());
        Files.createDirectories(directory);
        // A former run's logs would read as this run's.
        try (var old = Files.list(directory)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
    }

    /** Writes a file into the test's directory, where its processes' logs go too. */
    Path write(String fileName, String content) throws IOException {
        return Files.writeString(directory.resolve(fileName), content, StandardCharsets.UTF_8);
    }

    /**
     * Starts {@code java -jar sluice-app.jar run --config <config>} with the test's environment plus
     * {@code env} and two free ports; does not wait for it to be ready.
     */
    SluiceProcess start(String name, Path config, Map<String, String> env) throws IOException {
        Path jar = Path.of(System.getProperty("sluice.jar", "target/sluice-app.jar"));
        assertThat(jar)
                .as("the runnable jar; `mvn package -pl app -am` builds it")
                .isRegularFile();
        int adminPort = freePort();
        Path log = directory.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        // C1 only and the serial collector: half the start-up time on a busy
                        // two-core machine, and these runs are far too short to need C2.
                        "-XX:TieredStopAtLevel=1",
                        "-XX:+UseSerialGC",
                        "-jar",
                        jar.toString(),
                        "run",
                        "--config",
                        config.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        builder.environment().put("SLUICE_HTTP_PORT", Integer.toString(freePort()));
        builder.environment().put("SLUICE_ADMIN_PORT", Integer.toString(adminPort));
        SluiceProcess process = new SluiceProcess(name, builder.start(), adminPort, log);
        started.add(process);
        return process;
    }

    /** Kills every process still running and waits for each to exit. */
    void killAll() throws InterruptedException {
        for (SluiceProcess process : started) {
            if (process.isAlive()) {
                process.kill();
            }
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        for (SluiceProcess process : new ArrayList<>(started)) {
            try {
                LOG.error("Output of replica '{}' ({}):\n{}", process.name(), process.log(), process.output());
            } catch (IOException e) {
                LOG.error("Cannot read the output of replica '{}' at {}", process.name(), process.log(), e);
            }
        }
    }

    private void destroyAll() {
        started.forEach(SluiceProcess::destroy);
    }

    /**
     * A port free now and not handed out before in this test; the process binds it a moment later,
     * which is good enough on a test machine.
     */
    private int freePort() throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                if (ports.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            }
        }
    }
}
