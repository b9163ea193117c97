package io.sluice.app;

import io.sluice.config.ConfigLoader;
import io.sluice.config.SluiceConfig;
import io.sluice.config.Substitutions;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option every command shares. */
final class ConfigOption {

    @Option(
            names = {"-c", "--config"},
            required = true,
            paramLabel = "FILE",
            description = "The pipeline configuration (YAML).")
    Path file;

    /**
     * Loads and validates the file against the schema.
     *
     * @throws io.sluice.config.ConfigException listing every problem
     */
    SluiceConfig load() {
        return new ConfigLoader(Substitutions.fromProcess()).load(file);
    }
}
