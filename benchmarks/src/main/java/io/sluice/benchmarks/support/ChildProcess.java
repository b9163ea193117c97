package io.sluice.benchmarks.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JVM the harness launches, times until its readiness URL answers 200, and measures: resident
 * memory from {@code /proc/<pid>/status} (Linux). Its output goes to a log file for diagnosis.
 */
public final class ChildProcess implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();

    private final Process process;
    private final long startedNanos;
    private final Thread killOnExit;

    private ChildProcess(Process process, long startedNanos) {
        this.process = process;
        this.startedNanos = startedNanos;
        // A harness stopped mid-scenario (Ctrl-C, SIGTERM) must not leave the child running.
        this.killOnExit = new Thread(process::destroyForcibly, "bench-child-" + process.pid());
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** Launches the command with stdout and stderr appended to the log file. */
    public static ChildProcess launch(List<String> command, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        long started = System.nanoTime();
        return new ChildProcess(builder.start(), started);
    }

    /** The {@code java} binary of the running JVM, so child and harness use the same JDK. */
    public static String javaBinary() {
        return ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** A port free on 127.0.0.1 right now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * Polls the URL every 10 ms until it answers 200.
     *
     * @return the time from launch to the first 200
     * @throws IllegalStateException when the process exits or the bound passes first
     */
    public Duration awaitReady(URI url, Duration bound) throws InterruptedException {
        long deadline = startedNanos + bound.toNanos();
        HttpRequest request =
                HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(1)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "process exited with " + process.exitValue() + " before " + url + " answered 200");
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - startedNanos);
                }
            } catch (IOException e) {
                // Not listening yet: the normal state while the process starts.
                Thread.sleep(10);
                continue;
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException(url + " did not answer 200 within " + bound.toSeconds() + " s");
    }

    /** Resident set size in MiB ({@code VmRSS}). */
    public double residentMib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/" + process.pid() + "/status");
    }

    /** Sends SIGTERM, waits up to 20 s for the process to exit, then kills it. */
    @Override
    public void close() throws InterruptedException {
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException ignored) {
            // The JVM is already shutting down: the hook itself will kill the child.
        }
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
