package org.debindex.verify.deps.debian;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.debindex.core.version.DebianVersion;

/**
 * Converts a Debian version to the upstream version it packages, undoing Debian's conventions
 * (counted over 20,249 language packages of trixie in {@code docs/ecosystem-mapping.md}), so
 * that it can be compared by the ecosystem's own rules, never by dpkg's.
 *
 * <p>In order: the epoch and the {@code -revision} go ({@link DebianVersion#upstream()}), and so
 * does a stable update tag {@code +debNuN} left in a native version; {@code X+reallyY} becomes
 * {@code Y} (any case, {@code +really}, {@code ~really} or {@code .REALLY.}); the component sums
 * of bundled modules ({@code +~cs1.2.3}, and the older {@code +~1.2.3}) go; repack tags {@code
 * +dfsg[N]}, {@code +ds[N]}, {@code +repack[N]} (also after {@code ~} or {@code .}) go and set
 * {@link UpstreamVersion#repacked()}; a VCS snapshot ({@code ~git…}, {@code +git…}, {@code +svn…},
 * {@code bzr}, {@code hg}, {@code cvs}) or a dated one ({@code +20170409}, {@code
 * ~legacy20240219.1c52e83}) goes with everything
 * after it and sets {@link UpstreamVersion#snapshot()}; finally the first {@code ~} separates the
 * pre-release tag. Other {@code +} parts ({@code 3.18.0+eclipse4.26}) are kept: nothing is
 * guessed.
 *
 * <p>A repack tag counts wherever it stands, also before {@code +really}, because it describes
 * the tarball; snapshot and pre-release describe only the version after {@code +really}.
 *
 * <p>Thread-safe: a static holder without state.
 */
public final class UpstreamVersions {

    private static final Pattern STABLE_UPDATE = Pattern.compile("[+~]deb[0-9]+u[0-9]+$");
    private static final Pattern REALLY = Pattern.compile("[+~.]really\\.?", Pattern.CASE_INSENSITIVE);
    private static final Pattern REPACK = Pattern.compile(
            "[+~.](?:dfsg|ds|repack)(?:\\.?[0-9]+)*(?=$|[+~])");
    private static final Pattern COMPONENTS = Pattern.compile("\\+~");
    /**
     * A VCS name not followed by a letter ({@code +github} is not a snapshot), or a date, maybe
     * after a word ({@code ~legacy20240219.1c52e83}).
     */
    private static final Pattern SNAPSHOT = Pattern.compile("[+~](?:(?:git|svn|bzr|hg|cvs)(?![a-zA-Z])"
            + "|[a-zA-Z]*(?:19|20)[0-9]{2}\\.?[01][0-9]\\.?[0-3][0-9])");

    private UpstreamVersions() {
    }

    /**
     * The upstream version of a Debian version.
     *
     * @throws NullPointerException if {@code version} is null
     */
    public static UpstreamVersion of(DebianVersion version) {
        Objects.requireNonNull(version, "version");
        String s = STABLE_UPDATE.matcher(version.upstream()).replaceFirst("");
        boolean repacked = false;
        Matcher really = REALLY.matcher(s);
        int after = -1;
        while (really.find()) {
            after = really.end();
        }
        if (after > 0 && after < s.length()) {
            repacked = REPACK.matcher(s.substring(0, after)).find();
            s = s.substring(after);
        }
        Matcher components = COMPONENTS.matcher(s);
        if (components.find() && components.start() > 0) {
            s = s.substring(0, components.start());
        }
        Matcher repack = REPACK.matcher(s);
        if (repack.find()) {
            repacked = true;
            String stripped = repack.replaceAll("");
            s = stripped.isEmpty() ? s : stripped;
        }
        boolean snapshot = false;
        Matcher vcs = SNAPSHOT.matcher(s);
        if (vcs.find() && vcs.start() > 0) {
            snapshot = true;
            s = s.substring(0, vcs.start());
        }
        Optional<String> preRelease = Optional.empty();
        int tilde = s.indexOf('~');
        if (tilde > 0) {
            String tag = s.substring(tilde + 1);
            s = s.substring(0, tilde);
            if (!tag.isEmpty()) {
                preRelease = Optional.of(tag);
            }
        }
        return new UpstreamVersion(s, preRelease, snapshot, repacked);
    }
}
