package io.sluice.benchmarks.scenario;

import io.sluice.benchmarks.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The scenarios the harness knows, by command-line name, and any planned ones with what they need.
 *
 * <p>To add a scenario: implement {@link Scenario} in this package (fresh names from {@link
 * io.sluice.benchmarks.ScenarioContext#unique}, bounds from {@code count}/{@code pick}, a baseline
 * doing the same work in the same run), make sure its connector is on the classpath (through {@code
 * sluice-app}), and add it to {@link #AVAILABLE}; a scenario that cannot run yet goes in {@link
 * #PLANNED} with the reason, and shows as a "not measured" row.
 */
public final class Scenarios {

    private static final Map<String, Supplier<Scenario>> AVAILABLE = new LinkedHashMap<>();
    private static final Map<String, String> PLANNED = new LinkedHashMap<>();

    static {
        AVAILABLE.put("queue", QueueScenario::new);
        AVAILABLE.put("async", AsyncScenario::new);
        AVAILABLE.put("stall", StallScenario::new);
        AVAILABLE.put("startup", StartupScenario::new);
        AVAILABLE.put("webhook", WebhookScenario::new);
        AVAILABLE.put("cdc", CdcScenario::new);
        AVAILABLE.put("kafka", KafkaScenario::new);
    }

    private Scenarios() {}

    /** What {@code all} runs, in order. */
    public static List<String> all() {
        return List.copyOf(AVAILABLE.keySet());
    }

    /** Every name the command line accepts. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(AVAILABLE.keySet());
        names.addAll(PLANNED.keySet());
        return names;
    }

    /** The scenario, if it can run in this build. */
    public static Optional<Scenario> create(String name) {
        Supplier<Scenario> factory = AVAILABLE.get(name);
        return factory == null ? Optional.empty() : Optional.of(factory.get());
    }

    /** Why a known scenario cannot run in this build; empty for an unknown one. */
    public static Optional<String> whyUnavailable(String name) {
        return Optional.ofNullable(PLANNED.get(name));
    }
}
