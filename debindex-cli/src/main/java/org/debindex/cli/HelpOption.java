package org.debindex.cli;

import picocli.CommandLine.Option;

/** The {@code -h/--help} option of every subcommand (picocli mixin); holds one flag, not thread-safe. */
final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;
}
