package org.debindex.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A query command line recognised without picocli, whose class loading and reflection cost a
 * query more than its work: {@code [GLOBAL OPTION...] search|show|versions|depends|rdepends
 * [OPTION|ARG...]} where every word is one that picocli would take in exactly this meaning.
 *
 * <p>{@link #parse} recognises only well-formed queries and returns empty for anything else:
 * help and version requests, {@code --}, {@code @FILE}, {@code --option=value}, an unknown,
 * repeated or bundled option, an option without a value or with one that starts with
 * {@code -} or is empty, a missing or surplus argument, no command or another one. picocli then
 * parses the line again and reports the usage error in its own words; so does the caller when
 * the query's own checks throw a {@link UsageException}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param cacheDir {@code --cache-dir}; empty for the default
 * @param json     {@code --json}
 * @param quiet    {@code -q}, {@code --quiet}
 * @param debug    {@code --debug}
 * @param request  the command and its arguments
 */
record QueryArguments(Optional<Path> cacheDir, boolean json, boolean quiet, boolean debug, QueryRequest request) {

    /** @throws NullPointerException if a component is null */
    QueryArguments {
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(request, "request");
    }

    /**
     * The query that {@code args} asks for, as picocli would parse it; empty when they are not
     * a well-formed query (see the class comment).
     *
     * @throws NullPointerException if {@code args} or an element is null
     */
    static Optional<QueryArguments> parse(String[] args) {
        for (String arg : args) {
            if (arg.startsWith("@")) {
                return Optional.empty(); // picocli reads arguments from that file
            }
        }
        Path cacheDir = null;
        boolean json = false;
        boolean quiet = false;
        boolean debug = false;
        int i = 0;
        String command = null;
        while (i < args.length && command == null) {
            String arg = args[i++];
            switch (arg) {
                case "--cache-dir", "--sources", "--repo" -> {
                    if (i == args.length || !isValue(args[i])) {
                        return Optional.empty();
                    }
                    String value = args[i++];
                    if (!arg.equals("--repo")) {
                        // picocli converts --sources too, and reports a value that is no path
                        Path path = path(value);
                        if (path == null) {
                            return Optional.empty();
                        }
                        if (arg.equals("--cache-dir")) {
                            if (cacheDir != null) {
                                return Optional.empty(); // given twice: picocli's error
                            }
                            cacheDir = path;
                        }
                    }
                }
                case "--json" -> {
                    if (json) {
                        return Optional.empty();
                    }
                    json = true;
                }
                case "-q", "--quiet" -> {
                    if (quiet) {
                        return Optional.empty();
                    }
                    quiet = true;
                }
                case "--debug" -> {
                    if (debug) {
                        return Optional.empty();
                    }
                    debug = true;
                }
                default -> {
                    if (arg.startsWith("-")) {
                        return Optional.empty();
                    }
                    command = arg;
                }
            }
        }
        if (command == null) {
            return Optional.empty();
        }
        QueryRequest request = request(command, args, i);
        return request == null ? Optional.empty()
                : Optional.of(new QueryArguments(Optional.ofNullable(cacheDir), json, quiet, debug, request));
    }

    /** The command's options and arguments from {@code args[from]} on; null when not well-formed. */
    private static QueryRequest request(String command, String[] args, int from) {
        boolean search = command.equals("search");
        if (!search && !command.equals("show") && !command.equals("versions") && !command.equals("depends")
                && !command.equals("rdepends")) {
            return null;
        }
        List<String> arguments = new ArrayList<>();
        String suite = null;
        String architecture = null;
        boolean namesOnly = false;
        boolean regex = false;
        OptionalInt limit = OptionalInt.empty();
        int i = from;
        while (i < args.length) {
            String arg = args[i++];
            if (!arg.startsWith("-")) {
                arguments.add(arg);
                continue;
            }
            boolean hasValue = arg.equals("--suite") || arg.equals("--arch") || (search && arg.equals("--limit"));
            String value = null;
            if (hasValue) {
                if (i == args.length || !isValue(args[i])) {
                    return null;
                }
                value = args[i++];
            }
            if (arg.equals("--suite") && suite == null) {
                suite = value;
            } else if (arg.equals("--arch") && architecture == null) {
                architecture = value;
            } else if (search && arg.equals("--limit") && limit.isEmpty()) {
                // picocli's Integer.valueOf takes more (a sign, more digits); it reports what it
                // cannot take, so anything but plain digits goes to picocli
                if (value.length() > 9 || !isDigits(value)) {
                    return null;
                }
                limit = OptionalInt.of(Integer.parseInt(value));
            } else if (search && arg.equals("--names-only") && !namesOnly) {
                namesOnly = true;
            } else if (search && arg.equals("--regex") && !regex) {
                regex = true;
            } else {
                return null; // unknown, repeated, or help
            }
        }
        if (arguments.isEmpty() || (command.equals("rdepends") && arguments.size() != 1)) {
            return null;
        }
        PackageFilter filter = new PackageFilter(Optional.ofNullable(suite), Optional.ofNullable(architecture));
        return switch (command) {
            case "search" -> new SearchRequest(arguments, namesOnly, regex, filter, limit);
            case "show" -> new ShowRequest(arguments, filter);
            case "versions" -> new VersionsRequest(arguments, filter);
            case "depends" -> new DependsRequest(arguments, filter);
            default -> new RdependsRequest(arguments.get(0), filter);
        };
    }

    private static boolean isDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Whether picocli takes {@code arg} as an option's value without question. */
    private static boolean isValue(String arg) {
        return !arg.isEmpty() && !arg.startsWith("-");
    }

    /** {@code value} as picocli converts it to a path; null when it is none. */
    private static Path path(String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
