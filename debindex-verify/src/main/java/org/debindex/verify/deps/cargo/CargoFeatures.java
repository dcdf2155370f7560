package org.debindex.verify.deps.cargo;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.debindex.core.MalformedInputException;

/**
 * The Debian package and virtual package names debcargo gives a crate's feature, as in
 * {@code Provides: librust-serde+derive-dev (= 1.0.217-1), librust-serde-1+derive-dev, ...}:
 * a dependency with {@code features = ["derive"]} needs one of them in the suite.
 *
 * <p>Names follow debcargo's {@code base_deb_name}: lower-cased, {@code _} replaced by {@code -},
 * for the crate and the feature alike (feature {@code serde_derive} is
 * {@code librust-serde+serde-derive-dev}).
 *
 * <p>Thread-safe: a static holder.
 */
public final class CargoFeatures {

    private CargoFeatures() {
    }

    /**
     * The crate's name as debcargo writes it in package names: {@code Serde_JSON} is
     * {@code serde-json}.
     *
     * @throws NullPointerException if {@code crate} is null
     * @throws IllegalArgumentException if {@code crate} is empty
     */
    public static String debianName(String crate) {
        Objects.requireNonNull(crate, "crate");
        if (crate.isEmpty()) {
            throw new IllegalArgumentException("crate must not be empty");
        }
        return crate.replace('_', '-').toLowerCase(Locale.ROOT);
    }

    /**
     * The names under which Debian ships {@code feature} of {@code crate} at {@code upstreamVersion},
     * most specific last: {@code librust-C+F-dev}, {@code librust-C-MAJOR+F-dev},
     * {@code librust-C-MAJOR.MINOR+F-dev}, {@code librust-C-MAJOR.MINOR.PATCH+F-dev}. A package of a
     * semver-suffixed line ({@code librust-clap-3-dev}) provides only the versioned names.
     *
     * @param crate           the crate name, any case, {@code _} or {@code -}
     * @param feature         the feature name as the crate declares it
     * @param upstreamVersion the Debian candidate's upstream version; {@code 1.2} counts as
     *                        {@code 1.2.0}, a pre-release or build suffix is ignored
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code crate} or {@code feature} is empty or
     *     {@code upstreamVersion} is not a version
     */
    public static List<String> debianNames(String crate, String feature, String upstreamVersion) {
        String c = debianName(crate);
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(upstreamVersion, "upstreamVersion");
        if (feature.isEmpty()) {
            throw new IllegalArgumentException("feature must not be empty");
        }
        String f = debianName(feature);
        CargoVersion v;
        try {
            v = CargoVersion.parsePadded(upstreamVersion);
        } catch (MalformedInputException e) {
            throw new IllegalArgumentException("upstreamVersion is not a version: " + upstreamVersion, e);
        }
        return List.of("librust-" + c + "+" + f + "-dev",
                "librust-" + c + "-" + v.major() + "+" + f + "-dev",
                "librust-" + c + "-" + v.major() + "." + v.minor() + "+" + f + "-dev",
                "librust-" + c + "-" + v.major() + "." + v.minor() + "." + v.patch() + "+" + f + "-dev");
    }
}
