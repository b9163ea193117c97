package io.sluice.app;

import picocli.CommandLine.Command;

/** {@code sluice dlq}: inspect and replay dead letters. */
@Command(
        name = "dlq",
        description = "Inspect and replay dead-lettered events.",
        mixinStandardHelpOptions = true,
        subcommands = {DeadLetterListCommand.class, DeadLetterReplayCommand.class})
final class DeadLetterCommand {}
