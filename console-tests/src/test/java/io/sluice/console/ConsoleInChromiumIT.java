package io.sluice.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.config.ConfigLoader;
import io.sluice.config.Substitutions;
import io.sluice.event.Event;
import io.sluice.pipeline.Outcome;
import io.sluice.pipeline.SourceContext;
import io.sluice.runtime.Sluice;
import io.sluice.testing.Await;
import io.sluice.testing.ManualSourceFactory;
import io.sluice.testing.MemoryDeadLetterStoreFactory;
import io.sluice.testing.ScriptedSinkFactory;
import io.sluice.testing.ScriptedSinkFactory.Scripted;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console as an operator's browser shows it: a real Sluice runs in-process with events flowing
 * through it, and Debian's headless Chromium loads {@code /console/} from its admin listener, runs
 * the page's scripts against the live API, dumps the DOM and takes a screenshot (kept in {@code
 * target/console/}).
 *
 * <p>Chromium is installed by {@code install-chromium.sh}; without it these tests fail in CI and are
 * skipped elsewhere. No driver clicks the Replay button: the test checks the button is offered only
 * when replay is allowed, and calls the URL the page's script builds from the button's letter id.
 */
class ConsoleInChromiumIT {

    private static final Path OUTPUT = Path.of("target/console");
    private static final int BUDGET_MILLIS = 5000;
    private static final String CAUSE = "smtp.example.test answered 554 5.7.1 mailbox unavailable";

    private final List<Scripted> held = new ArrayList<>();
    private Vertx vertx;
    private Sluice sluice;
    private Chromium chromium;

    @BeforeEach
    void setUp(@TempDir Path profiles) throws Exception {
        vertx = Vertx.vertx();
        chromium = Chromium.installed(OUTPUT, profiles);
    }

    @AfterEach
    void tearDown() {
        held.forEach(Scripted::releaseAll);
        if (sluice != null) {
            Await.result(sluice.stop());
        }
        Await.result(vertx.close());
    }

    @Test
    void showsRoutesSinksAndDeadLettersOfARunningPipeline() throws Exception {
        start("live", true, "orders", "functions", "hooks", "mailer");
        deliver("orders", 5);
        deadLetter("hooks", "mailer");
        holdInFlight("orders", "functions", 3);

        Chromium.Page page = chromium.render(consoleUrl(), "live", BUDGET_MILLIS);

        String route = row(page.dom(), "data-route", "orders-to-functions");
        assertThat(route).contains("3 / 16");
        String sink = row(page.dom(), "data-sink", "functions");
        assertThat(field(sink, "breaker")).isEqualTo("CLOSED");
        assertThat(Integer.parseInt(field(sink, "delivered"))).isEqualTo(5);
        assertThat(Integer.parseInt(field(row(page.dom(), "data-source", "orders"), "delivered")))
                .isEqualTo(5);
        assertThat(page.dom()).contains(CAUSE).contains("replay enabled");
        assertThat(replayButtons(page.dom())).hasSize(1);
        Screenshot shot = Screenshot.read(page.screenshot());
        assertThat(shot.width()).isEqualTo(Chromium.WIDTH);
        assertThat(shot.height()).isEqualTo(Chromium.HEIGHT);
        assertThat(shot.distinctColours()).as("distinct colours").isGreaterThan(50);
        assertThat(shot.lumaDeviation()).as("luma deviation").isGreaterThan(10);
        assertThat(shot.greenPixels())
                .as("green pixels (CLOSED badge, saturation bar)")
                .isGreaterThan(200);
        assertThat(shot.redPixels()).as("red pixels (dead-letter cause)").isGreaterThan(200);
    }

    @Test
    void replayUrlOfTheButtonRedeliversTheDeadLetter() throws Exception {
        start("replayed", true, "orders2", "functions2", "hooks2", "mailer2");
        deadLetter("hooks2", "mailer2");
        List<String> buttons = replayButtons(
                chromium.render(consoleUrl(), "replayed", BUDGET_MILLIS).dom());
        assertThat(buttons).hasSize(1);
        ScriptedSinkFactory.sink("mailer2").releaseAll();

        // The page posts to "../api/dead-letters/{id}/replay", relative to the console's URL.
        HttpResponse<String> response = post("../api/dead-letters/" + buttons.get(0) + "/replay");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(new JsonObject(response.body()).getString("outcome")).isEqualTo(Outcome.DELIVERED.name());
        assertThat(ScriptedSinkFactory.sink("mailer2").received())
                .extracting(Event::id)
                .containsExactly("hooks2-letter", "hooks2-letter");
        assertThat(MemoryDeadLetterStoreFactory.store("replayed").letters()).isEmpty();
    }

    @Test
    void readOnlyConsoleOffersNoReplay() throws Exception {
        start("read-only", false, "orders3", "functions3", "hooks3", "mailer3");
        deadLetter("hooks3", "mailer3");

        Chromium.Page page = chromium.render(consoleUrl(), "read-only", BUDGET_MILLIS);

        assertThat(page.dom()).contains(CAUSE).contains("read-only");
        assertThat(replayButtons(page.dom())).isEmpty();
    }

    /** Two pipelines: orders to functions (with a breaker), hooks to mailer. */
    private void start(String name, boolean allowReplay, String orders, String functions, String hooks, String mailer) {
        String config = "http: {port: 0, host: 127.0.0.1}\n"
                + "admin: {port: 0, host: 127.0.0.1, allow-replay: " + allowReplay + "}\n"
                + "dead-letter: {type: memory, name: " + name + "}\n"
                + "sources: [{name: " + orders + ", type: manual}, {name: " + hooks + ", type: manual}]\n"
                + "sinks:\n"
                + "  - {name: " + functions + ", type: scripted, concurrency: 4, circuit-breaker: {window: 10}}\n"
                + "  - {name: " + mailer + ", type: scripted, retry: {max-attempts: 2, initial-wait: 10ms}}\n"
                + "routes:\n"
                + "  - {name: " + orders + "-to-" + functions + ", from: " + orders + ", to: " + functions
                + ", max-inflight: 16}\n"
                + "  - {name: " + hooks + "-to-" + mailer + ", from: " + hooks + ", to: " + mailer + "}\n";
        sluice = Await.result(Sluice.start(
                vertx, new ConfigLoader(new Substitutions(Map.of(), Path.of("/none"))).parse(name + ".yaml", config)));
    }

    private void deliver(String source, int count) {
        for (int i = 0; i < count; i++) {
            assertThat(Await.result(ManualSourceFactory.context(source).dispatch(event(source + "-" + i))))
                    .isEqualTo(Outcome.DELIVERED);
        }
    }

    private void deadLetter(String source, String sink) {
        ScriptedSinkFactory.sink(sink).failWith(CAUSE, false);
        assertThat(Await.result(ManualSourceFactory.context(source).dispatch(event(source + "-letter"))))
                .isEqualTo(Outcome.DEAD_LETTERED);
    }

    /** Leaves events in flight, so the route's saturation bar has something to show. */
    private void holdInFlight(String source, String sink, int count) {
        Scripted scripted = ScriptedSinkFactory.sink(sink);
        scripted.hold();
        held.add(scripted);
        SourceContext context = ManualSourceFactory.context(source);
        for (int i = 0; i < count; i++) {
            context.dispatch(event(source + "-held-" + i));
        }
        Awaitility.await().until(() -> scripted.heldCount() == count);
    }

    private HttpResponse<String> post(String relativeToConsole) throws IOException, InterruptedException {
        URI uri = URI.create(consoleUrl()).resolve(relativeToConsole);
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(uri)
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private String consoleUrl() {
        return "http://127.0.0.1:" + sluice.adminPort() + "/console/";
    }

    private static Event event(String id) {
        return Event.builder()
                .id(id)
                .source("/console-test")
                .type("test.order")
                .data(Buffer.buffer("{\"total\":42}"))
                .build();
    }

    /** The markup of the table row the console marks with the attribute, e.g. {@code data-sink="x"}. */
    private static String row(String dom, String attribute, String name) {
        Matcher row = Pattern.compile(
                        "<tr " + attribute + "=\"" + Pattern.quote(name) + "\">(.*?)</tr>", Pattern.DOTALL)
                .matcher(dom);
        assertThat(row.find())
                .as("a row with %s=\"%s\" in the console's DOM", attribute, name)
                .isTrue();
        return row.group(1);
    }

    /** The text of the element the console marks with {@code data-field="name"}. */
    private static String field(String markup, String name) {
        Matcher field = Pattern.compile("data-field=\"" + Pattern.quote(name) + "\"[^>]*>([^<]*)<")
                .matcher(markup);
        assertThat(field.find()).as("a %s field in %s", name, markup).isTrue();
        return field.group(1);
    }

    /** The letter ids of the Replay buttons on the page. */
    private static List<String> replayButtons(String dom) {
        return Pattern.compile("<button [^>]*class=\"replay\" data-letter=\"([^\"]+)\"")
                .matcher(dom)
                .results()
                .map(match -> match.group(1))
                .toList();
    }
}
