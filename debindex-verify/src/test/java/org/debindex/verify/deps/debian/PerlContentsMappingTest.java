package org.debindex.verify.deps.debian;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.debindex.core.compress.SizeLimit;
import org.debindex.verify.deps.Ecosystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The Perl rule of {@link ContentsMapping} on lines in the shapes bookworm's files have. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PerlContentsMappingTest {

    private static final String CONTENTS = String.join("\n",
            "usr/share/perl5/Moose.pm                                 perl/libmoose-perl",
            "usr/lib/x86_64-linux-gnu/perl5/5.36/Moose/Util.pm       perl/libmoose-perl",
            "usr/share/perl5/LWP/UserAgent.pm                         perl/libwww-perl",
            "usr/share/perl/5.36.0/Getopt/Long.pm                     libs/perl-modules-5.36",
            "usr/lib/x86_64-linux-gnu/perl-base/Getopt/Long.pm        perl/perl-base",
            "usr/lib/x86_64-linux-gnu/perl/5.36.0/B.pm                perl/libperl5.36",
            "usr/share/perl/5.36.0/JSON/PP.pm                         libs/perl-modules-5.36",
            "usr/share/perl5/JSON/PP.pm                               perl/libjson-pp-perl",
            "usr/share/perl5/_private/Under_score.pm                  perl/libodd-perl",
            "usr/share/perl5/Dual/Two.pm                              perl/liba-perl,perl/libb-perl",
            // not modules
            "usr/share/perl5/auto/share/dist/Dancer2/skel/lib/AppFile.pm perl/libdancer2-perl",
            "usr/lib/x86_64-linux-gnu/perl5/5.36/auto/Moose/Moose.so perl/libmoose-perl",
            "usr/share/perl5/Foo/Bar.pod                              perl/libfoo-perl",
            "usr/share/perl5/Foo/script.pl                            perl/libfoo-perl",
            "usr/share/perl5/Foo-Bar/Baz.pm                           perl/libfoo-perl",
            "usr/share/perl5/5.36/Baz.pm                              perl/libfoo-perl",
            "usr/share/perl5/Foo/.hidden.pm                           perl/libfoo-perl",
            "usr/share/perl5/Foo/1up.pm                               perl/libfoo-perl",
            "usr/share/perl/5.36/Wrong/Root.pmx                       libs/perl-modules-5.36",
            "usr/lib/swish-e/perl/SWISH/Filter.pm                     text/swish-e",
            "usr/lib/icheck/perl5/CType/Base.pm                       devel/icheck",
            "usr/lib/x86_64-linux-gnu/perl/cross-config-5.36.0/Config.pm perl/perl",
            "usr/share/doc/libmoose-perl/Moose.pm                     doc/odd",
            "usr/local/share/perl5/Local.pm                           perl/odd",
            "");

    private ContentsMapping mapping;

    @BeforeAll
    void read() throws Exception {
        mapping = ContentsMapping.builder().add(new ByteArrayInputStream(CONTENTS.getBytes(StandardCharsets.UTF_8)),
                "Contents-amd64", SizeLimit.defaultLimit()).build();
    }

    @Test
    void mapsModulesUnderEveryRoot() {
        assertEquals(List.of(none("libmoose-perl")), mapping.candidates(Ecosystem.PERL, "Moose"));
        assertEquals(List.of(none("libmoose-perl")), mapping.candidates(Ecosystem.PERL, "Moose::Util"));
        assertEquals(List.of(none("libwww-perl")), mapping.candidates(Ecosystem.PERL, "LWP::UserAgent"));
        assertEquals(List.of(none("libperl5.36")), mapping.candidates(Ecosystem.PERL, "B"));
        assertEquals(List.of(none("libodd-perl")), mapping.candidates(Ecosystem.PERL, "_private::Under_score"));
    }

    @Test
    void dualLifeAndSharedFilesGiveSeveralCandidates() {
        assertEquals(List.of(none("perl-modules-5.36"), none("perl-base")),
                mapping.candidates(Ecosystem.PERL, "Getopt::Long"));
        assertEquals(List.of(none("perl-modules-5.36"), none("libjson-pp-perl")),
                mapping.candidates(Ecosystem.PERL, "JSON::PP"));
        assertEquals(List.of(none("liba-perl"), none("libb-perl")), mapping.candidates(Ecosystem.PERL, "Dual::Two"));
    }

    @Test
    void namesAreExactAndNothingElseMaps() {
        assertEquals(List.of(), mapping.candidates(Ecosystem.PERL, "moose"));
        assertEquals(List.of(), mapping.candidates(Ecosystem.PERL, "Moose/Util"));
        assertEquals(Set.of("Moose", "Moose::Util", "LWP::UserAgent", "Getopt::Long", "B", "JSON::PP",
                "_private::Under_score", "Dual::Two"), mapping.names(Ecosystem.PERL));
        for (Ecosystem e : Ecosystem.values()) {
            if (e != Ecosystem.PERL) {
                assertEquals(Set.of(), mapping.names(e), e.name());
            }
        }
    }

    private static Candidate none(String pkg) {
        return new Candidate(pkg, Optional.empty(), Optional.empty());
    }
}
