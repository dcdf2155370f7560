package org.debindex.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.debindex.cli.output.JsonWriter;
import org.debindex.core.MalformedInputException;
import org.debindex.core.cache.CacheLayout;
import org.debindex.core.cache.RepositoryState;
import org.debindex.core.cache.StateStore;
import org.debindex.core.source.SourceEntry;
import org.debindex.core.source.SourceList;
import org.debindex.core.update.Acquisition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code debindex sources}: the configured sources, the keyring each is verified with, and when
 * each suite was last verified and by which keys, from the cache's {@code state} file.
 *
 * <p>Exit status 0 (also when no source is configured: the answer is an empty list), 3 when a
 * sources file or the state file cannot be read or is malformed. Reads only; writes nothing.
 *
 * <p>Not thread-safe: picocli fills one instance per run.
 */
@Command(
        name = "sources",
        sortOptions = false,
        descriptionHeading = "%n",
        optionListHeading = "%nOptions:%n",
        description = {
            "List the configured sources and when each was last verified.",
            "",
            "Reads the sources of the global options --repo and --sources, else the host's apt"
                    + " configuration, and the state file of the cache (--cache-dir) that 'update' writes."
                    + " Prints per entry a line with the entry and where it was written (FILE:LINE), then"
                    + " its keyring (Signed-By, else the host's trusted keyrings) and its last verification"
                    + " (time and signing keys, or 'never verified'), indented. With --json one JSON"
                    + " document. Writes nothing.",
        },
        footerHeading = "%nExit status:%n",
        footer = {
            "  0   success",
            "  2   usage error",
            "  3   a sources file or the state file cannot be read or is malformed",
            "  70  internal error (a bug)",
        })
final class SourcesCommand implements Callable<Integer> {

    @Option(names = "--arch", paramLabel = "ARCH",
            description = "The host architecture that $(ARCH) in sources stands for (default: the host's).")
    private String architecture;

    @Mixin
    private HelpOption help;

    @ParentCommand
    private Main main;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException, MalformedInputException {
        String host = architecture != null ? architecture : Configuration.hostArchitecture();
        SourceList sources = Configuration.sources(main, host, spec.commandLine());
        // stderr, so also with --json: the document has no place for them
        if (!main.quiet()) {
            Configuration.printWarnings(sources, spec.commandLine().getErr());
        }
        CacheLayout layout = Configuration.layout(main);
        Map<String, RepositoryState> state = StateStore.load(layout.stateFile());
        String trusted = Configuration.trustedKeyrings().stream().map(Path::toString).collect(Collectors.joining(", "));
        PrintWriter out = spec.commandLine().getOut();
        JsonWriter json = main.json() ? new JsonWriter(out) : null;
        if (json != null) {
            json.beginArray();
        }
        for (SourceEntry entry : sources.entries()) {
            Optional<String> signedBy = sources.signedBy(entry);
            Optional<RepositoryState> last = Optional.ofNullable(state.get(Acquisition.repositoryKey(entry.uri(), entry.suite())));
            List<String> signers = new ArrayList<>();
            last.ifPresent(s -> s.signers().forEach(f -> signers.add(f.hex())));
            if (json != null) {
                json.beginObject()
                        .member("entry", oneLine(entry))
                        .member("origin", entry.origin())
                        .member("repository", Acquisition.repositoryKey(entry.uri(), entry.suite()))
                        .member("keyring", signedBy)
                        .member("verified", last.map(s -> s.verified().toString()))
                        .name("signers").beginArray();
                for (String signer : signers) {
                    json.value(signer);
                }
                json.endArray().endObject();
            } else {
                out.println(oneLine(entry) + " (" + entry.origin() + ")");
                out.println("  keyring: " + signedBy.map(k -> k + " (Signed-By)")
                        .orElse(trusted.isEmpty() ? "none (no Signed-By, no trusted keyrings)" : trusted + " (trusted)"));
                out.println("  verified: " + last.map(s -> s.verified() + (signers.isEmpty() ? " (unsigned)"
                        : " by " + String.join(", ", signers))).orElse("never verified"));
            }
        }
        if (json != null) {
            json.endArray().finish();
        }
        out.flush();
        return ExitStatus.OK;
    }

    /** The entry in one-line form without its options. */
    private static String oneLine(SourceEntry entry) {
        StringBuilder b = new StringBuilder().append(entry.type().keyword()).append(' ').append(entry.uri())
                .append(' ').append(entry.suite());
        entry.components().forEach(c -> b.append(' ').append(c));
        return b.toString();
    }
}
