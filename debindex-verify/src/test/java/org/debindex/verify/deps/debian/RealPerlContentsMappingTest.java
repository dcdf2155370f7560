package org.debindex.verify.deps.debian;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.debindex.core.compress.SizeLimit;
import org.debindex.core.testdata.SharedTestData;
import org.debindex.verify.deps.Ecosystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Perl rule over bookworm's real Contents-all and Contents-amd64. Expectations were first
 * found with zgrep in those files; the counts come from an independent pipeline,
 * {@code zcat Contents-all.gz Contents-amd64.gz | grep -E '^usr/(share/perl5/|share/perl/|lib/[^/]+/perl5/|lib/[^/]+/perl/|lib/[^/]+/perl-base/)'}
 * then an awk script that strips the root (a version directory must be {@code N.N[.N]}), keeps
 * {@code (ident/)*ident.pm} not below {@code auto/}, and prints one {@code module<TAB>package} per
 * package; {@code sort -u} of that gives the pairs, {@code cut -f1|sort -u} the modules,
 * {@code cut -f2|sort -u} the packages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealPerlContentsMappingTest {

    /** Decompressed sizes the bookworm Release lists, as in {@link RealContentsMappingTest}. */
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
    void mapsKnownModules() {
        assertEquals(List.of(none("libmoose-perl")), mapping.candidates(Ecosystem.PERL, "Moose"));
        assertEquals(List.of(none("libwww-perl")), mapping.candidates(Ecosystem.PERL, "LWP::UserAgent"));
        // in bookworm Getopt::Long is in perl-modules-5.36 (usr/share/perl/5.36.0) and perl-base
        assertEquals(Set.of(none("perl-modules-5.36"), none("perl-base")),
                Set.copyOf(mapping.candidates(Ecosystem.PERL, "Getopt::Long")));
        // dual-life: core and its own package
        assertEquals(Set.of(none("perl-modules-5.36"), none("libjson-pp-perl")),
                Set.copyOf(mapping.candidates(Ecosystem.PERL, "JSON::PP")));
        assertEquals(List.of(), mapping.candidates(Ecosystem.PERL, "perl"));
    }

    @Test
    void countsMatchAnIndependentPipeline() {
        Set<String> names = mapping.names(Ecosystem.PERL);
        Set<String> packages = new HashSet<>();
        int pairs = 0;
        for (String n : names) {
            for (Candidate c : mapping.candidates(Ecosystem.PERL, n)) {
                packages.add(c.packageName());
                pairs++;
            }
        }
        System.out.printf("bookworm PERL names=%d packages=%d candidates=%d%n", names.size(), packages.size(), pairs);
        assertEquals(List.of(38_850, 4_449, 39_165), List.of(names.size(), packages.size(), pairs));
    }

    private static Candidate none(String pkg) {
        return new Candidate(pkg, Optional.empty(), Optional.empty());
    }
}
