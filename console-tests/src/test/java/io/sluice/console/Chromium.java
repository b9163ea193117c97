package io.sluice.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Renders a page with Debian's headless Chromium, the way a browser would show it to an operator.
 *
 * <p>{@code --virtual-time-budget} lets the page run its timers for that long in virtual time
 * (paused while requests are pending), so the console polls its API a few times before the DOM is
 * dumped and the screenshot taken, in far less wall time than the budget.
 */
final class Chromium {

    /** Where {@code install-chromium.sh} puts it; {@code CHROMIUM} overrides. */
    private static final String DEFAULT_BINARY = "/usr/bin/chromium";

    static final int WIDTH = 1280;
    static final int HEIGHT = 900;

    private static final long TIMEOUT_SECONDS = 60;

    private final Path binary;
    private final Path outputDir;
    private final Path profileDir;

    private Chromium(Path binary, Path outputDir, Path profileDir) {
        this.binary = binary;
        this.outputDir = outputDir;
        this.profileDir = profileDir;
    }

    /**
     * The installed Chromium. Missing, it skips the test on a developer machine and fails it in CI
     * ({@code CI=true}), where {@code console-tests/install-chromium.sh} must have run.
     *
     * @param outputDir where the DOM, the screenshot and Chromium's log of each page are kept
     * @param profileDir a scratch directory for Chromium's profiles
     */
    static Chromium installed(Path outputDir, Path profileDir) throws IOException {
        String configured = System.getenv("CHROMIUM");
        Path binary = Path.of(configured == null || configured.isEmpty() ? DEFAULT_BINARY : configured);
        if (!Files.isExecutable(binary)) {
            String hint = binary + " is missing: run `bash console-tests/install-chromium.sh` first";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(hint);
            }
            Assumptions.abort(hint);
        }
        return new Chromium(binary, Files.createDirectories(outputDir), profileDir);
    }

    /** A page as Chromium rendered it: its DOM after the scripts ran, and a screenshot. */
    record Page(String dom, Path screenshot) {}

    /** Loads the URL, lets its scripts run for {@code budgetMillis} of virtual time, and captures it. */
    Page render(String url, String name, int budgetMillis) throws IOException, InterruptedException {
        Path screenshot = outputDir.resolve(name + ".png");
        Path dom = outputDir.resolve(name + ".html");
        Path log = outputDir.resolve(name + "-chromium.log");
        Files.deleteIfExists(screenshot);
        List<String> command = List.of(
                binary.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--hide-scrollbars",
                "--user-data-dir=" + profileDir.resolve(name),
                "--screenshot=" + screenshot,
                "--window-size=" + WIDTH + "," + HEIGHT,
                "--virtual-time-budget=" + budgetMillis,
                "--dump-dom",
                url);
        Process process = new ProcessBuilder(command)
                .redirectOutput(dom.toFile())
                .redirectError(log.toFile())
                .start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(
                    "chromium did not finish " + url + " within " + TIMEOUT_SECONDS + " s; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("chromium exited " + process.exitValue() + " on " + url + ": "
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        String html = Files.readString(dom, StandardCharsets.UTF_8);
        if (html.isBlank()) {
            // Chromium exits 0 even when the page did not load, e.g. "Page load failed: net::ERR_TOO_MANY_REDIRECTS".
            throw new AssertionError("chromium rendered nothing for " + url + ": "
                    + Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                            .filter(line -> line.contains("Page load failed"))
                            .findFirst()
                            .orElse("see " + log));
        }
        return new Page(html, screenshot);
    }
}
