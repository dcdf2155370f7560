package org.debindex.core.source;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.debindex.core.MalformedInputException;

/**
 * The host's own apt sources and trusted keyrings, found where apt 2.6 finds them with its
 * default configuration: {@code etc/apt/sources.list} and the files of
 * {@code etc/apt/sources.list.d/} under an apt root ({@code /} on a real host; a test can point it
 * at a directory). {@code Dir}, {@code Dir::Etc::*} and {@code APT::Sources::With} settings of
 * {@code apt.conf} are not read.
 *
 * <p>Which files of {@code sources.list.d} apt reads ({@code GetListOfFilesInDir} in apt's
 * {@code fileutl.cc} with the extensions {@code list} and {@code sources}; sources.list(5),
 * "SOURCES.LIST.D"), in this order:
 * <ol>
 *   <li>a name starting with {@code .} is skipped silently;</li>
 *   <li>a directory is skipped silently, and anything else that is not a regular file (after
 *       following symbolic links) with a notice;</li>
 *   <li>a name without an extension (the text after the last {@code .}), or whose extension is not
 *       {@code list} or {@code sources}, is skipped with a notice;</li>
 *   <li>a name with a character other than ASCII letters, digits, {@code _}, {@code -},
 *       {@code :} and {@code .} is skipped (silently in apt; here with a notice too);</li>
 * </ol>
 * and the rest are read in byte order of their names, {@code .sources} files as deb822 and
 * {@code .list} files as one-line entries, after {@code sources.list}. A notice is left out, as
 * apt leaves it out, when the name matches one of apt's {@code Dir::Ignore-Files-Silently}
 * defaults ({@code ~$}, {@code \.disabled$}, {@code \.bak$}, {@code \.dpkg-[a-z]+$},
 * {@code \.ucf-[a-z]+$}, {@code \.save$}, {@code \.orig$}, {@code \.distUpgrade$}, ignoring
 * case), so {@code x.list.dpkg-old} and {@code x.list.save} pass without a word. Notices become
 * {@link SourceWarning}s of the result, as does apt's "Unable to read" when neither
 * {@code sources.list} nor {@code sources.list.d} exists.
 *
 * <p>Thread-safe: the class holds only constants.
 */
public final class HostSources {

    /** The apt root of the running host. */
    public static final Path DEFAULT_ROOT = Path.of("/");

    /** apt's {@code Dir::Ignore-Files-Silently} defaults ({@code apt-pkg/init.cc}). */
    private static final Pattern IGNORE_SILENTLY = Pattern.compile(
            "~$|\\.disabled$|\\.bak$|\\.dpkg-[a-z]+$|\\.ucf-[a-z]+$|\\.save$|\\.orig$|\\.distUpgrade$",
            Pattern.CASE_INSENSITIVE);

    private HostSources() {
    }

    /** The files apt would read and the notices about the files it would not. */
    private record Scan(List<Path> files, List<SourceWarning> warnings) {
    }

    /**
     * Reads the host's sources as apt would: {@code sources.list}, then the accepted files of
     * {@code sources.list.d} (see the class comment).
     *
     * @param aptRoot          the root the {@code etc/apt} paths are taken under, normally
     *                         {@link #DEFAULT_ROOT}
     * @param hostArchitecture the host's Debian architecture, for {@code $(ARCH)}
     * @return every entry, with the warnings of every file and the notices about skipped files
     * @throws MalformedInputException if a file is malformed, or entries of different files conflict
     * @throws IOException if a file or the directory cannot be read
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code hostArchitecture} is not an architecture name
     */
    public static SourceList load(Path aptRoot, String hostArchitecture) throws IOException, MalformedInputException {
        SourcesParser parser = new SourcesParser(hostArchitecture);
        Scan scan = scan(aptRoot);
        List<SourceList> lists = new ArrayList<>();
        lists.add(SourceList.of(List.of(), scan.warnings()));
        for (Path file : scan.files()) {
            lists.add(parser.parseFile(file));
        }
        return SourceList.concat(lists);
    }

    /**
     * The files apt would read, in order: {@code etc/apt/sources.list} if it is a regular file,
     * then the accepted files of {@code etc/apt/sources.list.d}.
     *
     * @throws IOException if the directory cannot be listed
     * @throws NullPointerException if {@code aptRoot} is null
     */
    public static List<Path> files(Path aptRoot) throws IOException {
        return scan(aptRoot).files();
    }

    /**
     * The keyrings apt trusts for a source without {@code Signed-By}: the directory
     * {@code etc/apt/trusted.gpg.d} (whose {@code *.gpg} and {@code *.asc} files
     * {@link org.debindex.core.openpgp.Keyring#load(List)} reads) and the legacy keyring
     * {@code etc/apt/trusted.gpg}, each only if it exists (apt-secure(8), trust-chain.md §2A).
     *
     * @return the existing paths, possibly none
     * @throws NullPointerException if {@code aptRoot} is null
     */
    public static List<Path> trustedKeyrings(Path aptRoot) {
        Path etc = aptRoot.resolve("etc/apt");
        List<Path> out = new ArrayList<>(2);
        Path parts = etc.resolve("trusted.gpg.d");
        if (Files.isDirectory(parts)) {
            out.add(parts);
        }
        Path legacy = etc.resolve("trusted.gpg");
        if (Files.isRegularFile(legacy)) {
            out.add(legacy);
        }
        return List.copyOf(out);
    }

    private static Scan scan(Path aptRoot) throws IOException {
        Objects.requireNonNull(aptRoot, "aptRoot");
        Path etc = aptRoot.resolve("etc/apt");
        Path main = etc.resolve("sources.list");
        Path parts = etc.resolve("sources.list.d");
        List<Path> files = new ArrayList<>();
        List<SourceWarning> warnings = new ArrayList<>();
        boolean haveMain = Files.isRegularFile(main);
        boolean haveParts = Files.isDirectory(parts);
        if (haveMain) {
            files.add(main);
        }
        if (!haveMain && !haveParts) {
            warnings.add(new SourceWarning(parts.toString(), -1, "unable to read: not a directory"));
            warnings.add(new SourceWarning(main.toString(), -1, "unable to read: not a regular file"));
        }
        if (!haveParts) {
            return new Scan(List.copyOf(files), warnings);
        }
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(parts)) {
            for (Path entry : stream) {
                entries.add(entry);
            }
        }
        Collections.sort(entries, (a, b) -> compareBytes(a.getFileName().toString(), b.getFileName().toString()));
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            String why = rejection(entry, name);
            if (why == null) {
                files.add(entry);
            } else if (!why.isEmpty() && !ignoredSilently(name)) {
                warnings.add(new SourceWarning(entry.toString(), -1, why));
            }
        }
        return new Scan(List.copyOf(files), warnings);
    }

    /** Why apt skips the file: null if it reads it, empty if it skips it silently. */
    private static String rejection(Path entry, String name) {
        if (name.startsWith(".")) {
            return "";
        }
        if (!Files.isRegularFile(entry)) {
            return Files.isDirectory(entry) ? "" : "ignored: not a regular file";
        }
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return "ignored: no file name extension; apt reads only *.list and *.sources here";
        }
        String extension = name.substring(dot + 1);
        if (!extension.equals("list") && !extension.equals("sources")) {
            return "ignored: invalid file name extension " + MalformedInputException.quote(extension)
                    + "; apt reads only *.list and *.sources here";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-' || c == ':' || c == '.';
            if (!ok) {
                return "ignored: the name may only hold letters, digits, \"_\", \"-\", \":\" and \".\"";
            }
        }
        return null;
    }

    private static boolean ignoredSilently(String name) {
        return IGNORE_SILENTLY.matcher(name).find();
    }

    /** Orders names as C's {@code strcmp} on their UTF-8 bytes, as apt's {@code std::sort} does. */
    private static int compareBytes(String a, String b) {
        byte[] x = a.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] y = b.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return java.util.Arrays.compareUnsigned(x, y);
    }
}
