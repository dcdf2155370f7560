package org.debindex.verify.deps.debian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.debindex.core.compress.DecompressionException;
import org.debindex.core.compress.SizeLimit;
import org.debindex.core.testdata.SharedTestData;
import org.debindex.verify.deps.Ecosystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The mapping over bookworm's real Contents-all and Contents-amd64, which match their Release.
 * Every expectation was first found with zgrep in those files; the counts come from an
 * independent awk pipeline over {@code zcat Contents-all.gz Contents-amd64.gz} applying the same
 * rules.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealContentsMappingTest {

    /** Decompressed sizes the bookworm Release lists: the files are read as a verified caller would. */
    private static final long CONTENTS_ALL_SIZE = 519_622_348L;
    private static final long CONTENTS_AMD64_SIZE = 148_405_971L;

    private ContentsMapping mapping;

    @BeforeAll
    void read() throws Exception {
        long start = System.nanoTime();
        mapping = ContentsMapping.builder()
                .add(SharedTestData.dists("bookworm", "main/Contents-all.gz"), SizeLimit.exactly(CONTENTS_ALL_SIZE))
                .add(SharedTestData.dists("bookworm", "main/Contents-amd64.gz"),
                        SizeLimit.exactly(CONTENTS_AMD64_SIZE))
                .build();
        System.out.printf("bookworm Contents-all + Contents-amd64 mapped in %d ms%n",
                (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void mapsKnownNames() {
        assertEquals(List.of(version("libcommons-lang3-java", "3.12.0"), alias("libcommons-lang3-java", "3.x"),
                        alias("libcommons-lang3-java", "debian")),
                mapping.candidates(Ecosystem.MAVEN, "org.apache.commons:commons-lang3"));
        assertEquals(List.of(version("libjsch-java", "0.1.54"), alias("libjsch-java", "debian")),
                mapping.candidates(Ecosystem.MAVEN, "com.jcraft:jsch"));

        assertEquals(List.of(version("python3-yaml", "6.0")), mapping.candidates(Ecosystem.PYPI, "pyyaml"));
        assertEquals(List.of(version("python3-bs4", "4.11.2")), mapping.candidates(Ecosystem.PYPI, "beautifulsoup4"));
        assertEquals(List.of(version("python3-click", "8.1.3"), version("python3-click-package", "0.5.0.post9")),
                mapping.candidates(Ecosystem.PYPI, "click"));

        assertEquals(List.of(none("node-express")), mapping.candidates(Ecosystem.NPM, "express"));
        assertEquals(List.of(none("node-express")), mapping.candidates(Ecosystem.NPM, "@types/express"));
        assertEquals(List.of(none("node-babel7")), mapping.candidates(Ecosystem.NPM, "@babel/core"));
        assertEquals(List.of(none("node-lodash-packages")), mapping.candidates(Ecosystem.NPM, "lodash.debounce"));

        assertEquals(List.of(version("librust-clap-2-dev", "2.34.0"), version("librust-clap-3-dev", "3.2.23"),
                        version("librust-clap-dev", "4.0.32")),
                mapping.candidates(Ecosystem.CARGO, "clap"));
        assertEquals(List.of(version("librust-serde-dev", "1.0.152")), mapping.candidates(Ecosystem.CARGO, "serde"));
        assertEquals(List.of(version("librust-ahash-0.7-dev", "0.7.6"), version("librust-ahash-dev", "0.7.6")),
                mapping.candidates(Ecosystem.CARGO, "ahash"));

        assertEquals(List.of(none("golang-github-stretchr-testify-dev")),
                mapping.candidates(Ecosystem.GO, "github.com/stretchr/testify"));
        assertEquals(List.of(none("golang-github-cenkalti-backoff-dev")),
                mapping.candidates(Ecosystem.GO, "github.com/cenkalti/backoff/v4"));

        assertEquals(List.of(version("ruby-rails", "6.1.7.10")), mapping.candidates(Ecosystem.RUBYGEMS, "rails"));
        assertEquals(List.of(version("ruby-nokogiri", "1.13.10")), mapping.candidates(Ecosystem.RUBYGEMS, "nokogiri"));
    }

    @Test
    void countsMatchAnIndependentPipeline() {
        Map<Ecosystem, int[]> counts = new EnumMap<>(Ecosystem.class);
        for (Ecosystem e : Ecosystem.values()) {
            int candidates = mapping.names(e).stream().mapToInt(n -> mapping.candidates(e, n).size()).sum();
            counts.put(e, new int[] {mapping.names(e).size(), candidates});
            System.out.printf("bookworm %-8s names=%d candidates=%d%n", e, mapping.names(e).size(), candidates);
        }
        // names, distinct (name, package, version or alias)
        Map<Ecosystem, int[]> expected = Map.of(
                Ecosystem.MAVEN, new int[] {3142, 6435},
                Ecosystem.PYPI, new int[] {5056, 5062},
                Ecosystem.NPM, new int[] {3574, 3575},
                Ecosystem.CARGO, new int[] {1489, 1516},
                Ecosystem.GO, new int[] {1078, 1079},
                Ecosystem.RUBYGEMS, new int[] {1539, 1552});
        expected.forEach((e, want) -> assertEquals(List.of(want[0], want[1]),
                List.of(counts.get(e)[0], counts.get(e)[1]), e.name()));
        // The same order of magnitude as trixie's names in the mapping document.
        Map<Ecosystem, Integer> trixie = Map.of(Ecosystem.MAVEN, 3325, Ecosystem.PYPI, 6248, Ecosystem.NPM, 4098,
                Ecosystem.CARGO, 3055, Ecosystem.GO, 1564, Ecosystem.RUBYGEMS, 1377);
        trixie.forEach((e, n) -> assertTrue(counts.get(e)[0] > n / 3 && counts.get(e)[0] < n * 3,
                e + ": " + counts.get(e)[0] + " names, trixie " + n));
    }

    /**
     * trixie's Contents-amd64 is not the file its Release lists (169,867,985 bytes decompressed
     * instead of 169,955,433): the mapping takes a file as given, and only the limit the caller
     * passes, from a verified Release, makes it refuse one.
     */
    @Test
    void takesAnUnverifiedFileAsGivenAndTheCallersLimitRefusesIt() throws Exception {
        var file = SharedTestData.dists("trixie", "main/Contents-amd64.gz");
        DecompressionException e = assertThrows(DecompressionException.class,
                () -> ContentsMapping.builder().add(file, SizeLimit.exactly(169_955_433L)));
        assertEquals(DecompressionException.Reason.SIZE_MISMATCH, e.reason());

        ContentsMapping asGiven = ContentsMapping.builder().add(file, SizeLimit.defaultLimit()).build();
        // arch:all packages are in Contents-all, absent here: mostly crates and compiled Python
        Map<Ecosystem, Integer> names = Map.of(Ecosystem.MAVEN, 9, Ecosystem.PYPI, 790, Ecosystem.NPM, 24,
                Ecosystem.CARGO, 2878, Ecosystem.GO, 14, Ecosystem.RUBYGEMS, 214);
        names.forEach((eco, n) -> assertEquals(n, asGiven.names(eco).size(), eco.name()));
        assertEquals(List.of(version("librust-clap-2-dev", "2.34.0"), version("librust-clap-3-dev", "3.2.25"),
                version("librust-clap-dev", "4.5.23")), asGiven.candidates(Ecosystem.CARGO, "clap"));
    }

    private static Candidate version(String pkg, String version) {
        return new Candidate(pkg, Optional.of(version), Optional.empty());
    }

    private static Candidate alias(String pkg, String alias) {
        return new Candidate(pkg, Optional.empty(), Optional.of(alias));
    }

    private static Candidate none(String pkg) {
        return new Candidate(pkg, Optional.empty(), Optional.empty());
    }
}
