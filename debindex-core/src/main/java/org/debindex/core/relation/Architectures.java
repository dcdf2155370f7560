package org.debindex.core.relation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Debian architecture names and wildcards: whether an architecture such as {@code armhf} is
 * matched by a name or wildcard such as {@code linux-any}, {@code any-arm} or {@code any}, as
 * dpkg decides it ({@code Dpkg::Arch::debarch_is}).
 *
 * <p>Every Debian architecture stands for a tuple <i>abi-libc-os-cpu</i>: {@code amd64} is
 * {@code base-gnu-linux-amd64}, {@code armhf} is {@code eabihf-gnu-linux-arm}, {@code x32} is
 * {@code x32-gnu-linux-amd64}, {@code hurd-i386} is {@code base-gnu-hurd-i386}. A wildcard is a
 * tuple with {@code any} in some places, written with its leading parts left out: {@code
 * linux-any} is {@code any-any-linux-any}, {@code any-amd64} is {@code any-any-any-amd64}, {@code
 * gnu-any-any} is {@code any-gnu-any-any}. An architecture matches a pattern when the pattern is
 * the same text, is {@code any}, or when every part of the pattern's tuple is {@code any} or equal
 * to the architecture's. As in dpkg, the obsolete spelling {@code linux-<arch>} means {@code
 * <arch>}, and an architecture missing from the table is matched only by its own name and by
 * {@code any}. Deb-src-control(5) and Policy §11.1 describe the wildcards.
 *
 * <p>The table is dpkg's {@code cputable} and {@code tupletable} as of dpkg 1.21.22 (bookworm): 569
 * architectures. An architecture added by a later dpkg is matched only by its own name and by
 * {@code any} until it is added here; {@code ArchitecturesTest} compares the table with the dpkg
 * installed where the tests run. Case matters: Debian architecture names are lower case.
 *
 * <p>Immutable and thread-safe; the class holds only constant tables.
 */
public final class Architectures {

    /** dpkg's {@code cputable}, first column, in its order (the order decides clashes below). */
    private static final String[] CPUS = {
        "alpha", "amd64", "arc", "armeb", "arm", "arm64", "avr32", "hppa", "loong64", "i386", "ia64",
        "m32r", "m68k", "mips", "mipsel", "mipsr6", "mipsr6el", "mips64", "mips64el", "mips64r6",
        "mips64r6el", "nios2", "or1k", "powerpc", "powerpcel", "ppc64", "ppc64el", "riscv64", "s390",
        "s390x", "sh3", "sh3eb", "sh4", "sh4eb", "sparc", "sparc64", "tilegx",
    };

    /**
     * dpkg's {@code tupletable}: tuple, architecture name; {@code <cpu>} stands for every CPU. An
     * expanded entry never replaces an earlier one, so {@code armhf} keeps
     * {@code eabihf-gnu-linux-arm} while {@code arm} becomes {@code base-gnu-linux-arm}.
     */
    private static final String[][] TUPLES = {
        {"eabi-uclibc-linux-arm", "uclibc-linux-armel"},
        {"base-uclibc-linux-<cpu>", "uclibc-linux-<cpu>"},
        {"eabihf-musl-linux-arm", "musl-linux-armhf"},
        {"base-musl-linux-<cpu>", "musl-linux-<cpu>"},
        {"ilp32-gnu-linux-arm64", "arm64ilp32"},
        {"eabihf-gnu-linux-arm", "armhf"},
        {"eabi-gnu-linux-arm", "armel"},
        {"abin32-gnu-linux-mips64r6el", "mipsn32r6el"},
        {"abin32-gnu-linux-mips64r6", "mipsn32r6"},
        {"abin32-gnu-linux-mips64el", "mipsn32el"},
        {"abin32-gnu-linux-mips64", "mipsn32"},
        {"abi64-gnu-linux-mips64r6el", "mips64r6el"},
        {"abi64-gnu-linux-mips64r6", "mips64r6"},
        {"abi64-gnu-linux-mips64el", "mips64el"},
        {"abi64-gnu-linux-mips64", "mips64"},
        {"spe-gnu-linux-powerpc", "powerpcspe"},
        {"x32-gnu-linux-amd64", "x32"},
        {"base-gnu-linux-<cpu>", "<cpu>"},
        {"eabihf-gnu-kfreebsd-arm", "kfreebsd-armhf"},
        {"base-gnu-kfreebsd-<cpu>", "kfreebsd-<cpu>"},
        {"base-gnu-knetbsd-<cpu>", "knetbsd-<cpu>"},
        {"base-gnu-kopensolaris-<cpu>", "kopensolaris-<cpu>"},
        {"base-gnu-hurd-<cpu>", "hurd-<cpu>"},
        {"base-bsd-dragonflybsd-<cpu>", "dragonflybsd-<cpu>"},
        {"base-bsd-freebsd-<cpu>", "freebsd-<cpu>"},
        {"base-bsd-openbsd-<cpu>", "openbsd-<cpu>"},
        {"base-bsd-netbsd-<cpu>", "netbsd-<cpu>"},
        {"base-bsd-darwin-<cpu>", "darwin-<cpu>"},
        {"base-sysv-aix-<cpu>", "aix-<cpu>"},
        {"base-sysv-solaris-<cpu>", "solaris-<cpu>"},
        {"eabi-uclibc-uclinux-arm", "uclinux-armel"},
        {"base-uclibc-uclinux-<cpu>", "uclinux-<cpu>"},
        {"base-tos-mint-m68k", "mint-m68k"},
    };

    /** Architecture name to its four tuple parts; built once, never changed. */
    private static final Map<String, String[]> TUPLE_OF = buildTable();

    private Architectures() {
    }

    private static Map<String, String[]> buildTable() {
        Map<String, String[]> byArch = new HashMap<>();
        Set<String> tuplesSeen = new HashSet<>();
        for (String[] row : TUPLES) {
            String tuple = row[0];
            String arch = row[1];
            if (tuple.contains("<cpu>")) {
                for (String cpu : CPUS) {
                    String t = tuple.replace("<cpu>", cpu);
                    String a = arch.replace("<cpu>", cpu);
                    if (!byArch.containsKey(a) && !tuplesSeen.contains(t)) {
                        byArch.put(a, t.split("-", 4));
                        tuplesSeen.add(t);
                    }
                }
            } else {
                byArch.put(arch, tuple.split("-", 4));
                tuplesSeen.add(tuple);
            }
        }
        return Map.copyOf(byArch);
    }

    /**
     * Whether {@code architecture} is in dpkg's table of architectures (or is its obsolete
     * {@code linux-} spelling); {@code all} and wildcards are not.
     *
     * @throws NullPointerException if {@code architecture} is null
     */
    public static boolean isKnown(String architecture) {
        return tupleOf(Objects.requireNonNull(architecture, "architecture")) != null;
    }

    /**
     * Whether {@code architecture} is matched by {@code pattern}, an architecture name or
     * wildcard, by dpkg's rule (see the class comment).
     *
     * @param architecture a concrete architecture, such as the host architecture {@code amd64}
     * @param pattern an architecture name or wildcard as written in a restriction list, without
     *     {@code !}
     * @throws NullPointerException if either argument is null
     */
    public static boolean matches(String architecture, String pattern) {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(pattern, "pattern");
        if (pattern.equals(architecture) || pattern.equals("any")) {
            return true;
        }
        String[] real = tupleOf(architecture);
        String[] wanted = wildcardTuple(pattern);
        if (real == null || wanted == null) {
            return false;
        }
        for (int i = 0; i < 4; i++) {
            if (!wanted[i].equals("any") && !wanted[i].equals(real[i])) {
                return false;
            }
        }
        return true;
    }

    private static String[] tupleOf(String architecture) {
        String name = architecture;
        // dpkg reads the obsolete "linux-<arch>" as "<arch>" (up to the next hyphen)
        if (name.startsWith("linux-")) {
            int end = name.indexOf('-', 6);
            name = end < 0 ? name.substring(6) : name.substring(6, end);
        }
        return TUPLE_OF.get(name);
    }

    /** The tuple a pattern stands for; a pattern without an {@code any} part is an architecture. */
    private static String[] wildcardTuple(String pattern) {
        String[] parts = pattern.split("-", 4);
        boolean hasAny = false;
        for (String part : parts) {
            hasAny |= part.equals("any");
        }
        if (!hasAny) {
            return tupleOf(pattern);
        }
        switch (parts.length) {
            case 4:
                return parts;
            case 3:
                return new String[] {"any", parts[0], parts[1], parts[2]};
            case 2:
                return new String[] {"any", "any", parts[0], parts[1]};
            default:
                return new String[] {"any", "any", "any", "any"};
        }
    }
}
