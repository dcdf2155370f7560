package org.debindex.core.source;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The options of an apt source entry other than {@code Signed-By}, as apt 2.6 reads them
 * (sources.list(5), "THE DEB AND DEB-SRC TYPES: OPTIONS"; {@code debmetaindex.cc}). Each is
 * given here by its one-line name; the deb822 field name is in brackets.
 *
 * <p>An absent value means "not set": apt then uses its configuration's default. Booleans are read
 * as apt's {@code StringToBool} reads them ({@code yes/no}, {@code true/false}, {@code on/off},
 * {@code with/without}, {@code enable/disable}, {@code 0/1}, case-insensitive); a value it does not
 * recognise is read as apt reads it and reported as a warning by the parser. Durations are whole
 * seconds; apt treats 0 as unset, and so does this record.
 *
 * <p>{@code trusted=yes} and the {@code allow-*} options weaken apt-secure(8); they are recorded
 * here so that a caller can refuse or report them, never to be honoured silently.
 *
 * <p>Immutable and thread-safe.
 *
 * @param architectures            {@code arch} ({@code Architectures}), with {@code +=}/{@code -=}
 * @param languages                {@code lang} ({@code Languages}), with {@code +=}/{@code -=}
 * @param targets                  {@code target} ({@code Targets}), with {@code +=}/{@code -=}
 * @param targetSwitches           index targets switched on or off by identifier, one-line only
 *                                 ({@code Contents-deb=no}), in file order
 * @param trusted                  {@code trusted} ({@code Trusted}): yes bypasses verification
 * @param checkValidUntil          {@code check-valid-until} ({@code Check-Valid-Until})
 * @param checkDate                {@code check-date} ({@code Check-Date})
 * @param validUntilMin            {@code valid-until-min} ({@code Valid-Until-Min})
 * @param validUntilMax            {@code valid-until-max} ({@code Valid-Until-Max})
 * @param dateMaxFuture            {@code date-max-future} ({@code Date-Max-Future})
 * @param pdiffs                   {@code pdiffs} ({@code PDiffs})
 * @param byHash                   {@code by-hash} ({@code By-Hash}): {@code yes}, {@code no} or
 *                                 {@code force}, as written
 * @param allowInsecure            {@code allow-insecure}; one-line only in apt 2.6
 * @param allowWeak                {@code allow-weak}; one-line only in apt 2.6
 * @param allowDowngradeToInsecure {@code allow-downgrade-to-insecure}; one-line only in apt 2.6
 * @param inReleasePath            {@code inrelease-path}; one-line only in apt 2.6
 */
public record SourceOptions(
        MultiValueOption architectures,
        MultiValueOption languages,
        MultiValueOption targets,
        Map<String, Boolean> targetSwitches,
        Optional<Boolean> trusted,
        Optional<Boolean> checkValidUntil,
        Optional<Boolean> checkDate,
        Optional<Duration> validUntilMin,
        Optional<Duration> validUntilMax,
        Optional<Duration> dateMaxFuture,
        Optional<Boolean> pdiffs,
        Optional<String> byHash,
        Optional<Boolean> allowInsecure,
        Optional<Boolean> allowWeak,
        Optional<Boolean> allowDowngradeToInsecure,
        Optional<String> inReleasePath) {

    /** No option set. */
    public static final SourceOptions NONE = new SourceOptions(MultiValueOption.DEFAULT, MultiValueOption.DEFAULT,
            MultiValueOption.DEFAULT, Map.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());

    /**
     * Validates and copies the values.
     *
     * @throws NullPointerException if an argument, a map key or a map value is null
     * @throws IllegalArgumentException if a duration is zero or negative (apt's "unset" is an
     *         empty value here)
     */
    public SourceOptions {
        Objects.requireNonNull(architectures, "architectures");
        Objects.requireNonNull(languages, "languages");
        Objects.requireNonNull(targets, "targets");
        Map<String, Boolean> switches = new LinkedHashMap<>();
        for (Map.Entry<String, Boolean> e : targetSwitches.entrySet()) {
            switches.put(Objects.requireNonNull(e.getKey(), "target identifier"),
                    Objects.requireNonNull(e.getValue(), "target switch"));
        }
        targetSwitches = Collections.unmodifiableMap(switches);
        Objects.requireNonNull(trusted, "trusted");
        Objects.requireNonNull(checkValidUntil, "checkValidUntil");
        Objects.requireNonNull(checkDate, "checkDate");
        positive(validUntilMin, "validUntilMin");
        positive(validUntilMax, "validUntilMax");
        positive(dateMaxFuture, "dateMaxFuture");
        Objects.requireNonNull(pdiffs, "pdiffs");
        Objects.requireNonNull(byHash, "byHash");
        Objects.requireNonNull(allowInsecure, "allowInsecure");
        Objects.requireNonNull(allowWeak, "allowWeak");
        Objects.requireNonNull(allowDowngradeToInsecure, "allowDowngradeToInsecure");
        Objects.requireNonNull(inReleasePath, "inReleasePath");
    }

    /** Whether any option weakens verification: {@code trusted=yes} or an {@code allow-*} option set to yes. */
    public boolean weakensVerification() {
        return trusted.orElse(false) || allowInsecure.orElse(false) || allowWeak.orElse(false)
                || allowDowngradeToInsecure.orElse(false);
    }

    private static void positive(Optional<Duration> value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isPresent() && (value.get().isZero() || value.get().isNegative())) {
            throw new IllegalArgumentException(name + " must be positive: " + value.get());
        }
    }
}
