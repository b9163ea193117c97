package io.sluice.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code sluice} command line. */
@Command(
        name = "sluice",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Event-driven stream processing between OpenFaaS, Supabase and the outside world.",
        subcommands = {RunCommand.class, ValidateCommand.class, TestCommand.class, DeadLetterCommand.class})
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line, for tests. */
    static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }
}
