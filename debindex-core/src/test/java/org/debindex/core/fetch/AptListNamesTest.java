package org.debindex.core.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * apt's names for the files of its lists directory. Every expectation was printed by real apt
 * (2.6.1, {@code apt-get update --print-uris}, which names each file without fetching it, and
 * {@code apt-get update} on the shared {@code file:} mirror for the names it wrote) and is
 * recorded here as a literal, so the test needs no apt.
 */
class AptListNamesTest {

    private static String name(String uri) {
        return AptListNames.fileName(URI.create(uri));
    }

    @Test
    void fileMirrorKeepsTheLeadingSlashAsAnUnderscore() {
        // apt-get update on file:/work/shared/testdata/debian wrote these
        assertEquals("_work_shared_testdata_debian_dists_trixie_InRelease",
                name("file:/work/shared/testdata/debian/dists/trixie/InRelease"));
        assertEquals("_work_shared_testdata_debian_dists_trixie_main_binary-amd64_Packages",
                name("file:/work/shared/testdata/debian/dists/trixie/main/binary-amd64/Packages"));
        assertEquals("_work_shared_testdata_debian_dists_trixie_main_i18n_Translation-en",
                name("file:/work/shared/testdata/debian/dists/trixie/main/i18n/Translation-en"));
        assertEquals("_work_shared_testdata_debian_dists_bookworm_main_binary-amd64_Packages",
                name("file:///work/shared/testdata/debian/dists/bookworm/main/binary-amd64/Packages"));
    }

    @Test
    void httpMirrorDropsTheScheme() {
        assertEquals("mirror.example_debian_dists_trixie_InRelease",
                name("http://mirror.example/debian/dists/trixie/InRelease"));
        assertEquals("mirror.example_debian_dists_trixie_main_binary-amd64_Packages",
                name("http://mirror.example/debian/dists/trixie/main/binary-amd64/Packages"));
        assertEquals("mirror.example_debian_dists_trixie_main_i18n_Translation-en",
                name("https://mirror.example/debian/dists/trixie/main/i18n/Translation-en"));
    }

    @Test
    void credentialsAreDroppedThePortKeptAndUnderscoreAndTildeQuotedInLowerCase() {
        assertEquals("mirror.example:8080_%7eme_deb%5frepo+x_dists_trixie-backports_InRelease",
                name("http://user:secret@mirror.example:8080/~me/deb_repo+x/dists/trixie-backports/InRelease"));
        assertEquals("mirror.example:8080_%7eme_deb%5frepo+x_dists_trixie-backports_contrib_binary-amd64_Packages",
                name("http://user:secret@mirror.example:8080/~me/deb_repo+x/dists/trixie-backports/contrib/"
                        + "binary-amd64/Packages"));
        assertEquals("_srv_my%5fmirror_debian_dists_bookworm_InRelease",
                name("file:/srv/my_mirror/debian/dists/bookworm/InRelease"));
    }

    @Test
    void flatRepositoryKeepsItsDotSegment() {
        // for "deb http://mirror.example/flat_repo/ ./"
        assertEquals("mirror.example_flat%5frepo_._InRelease", name("http://mirror.example/flat_repo/./InRelease"));
        assertEquals("mirror.example_flat%5frepo_._Packages", name("http://mirror.example/flat_repo/./Packages"));
    }

    @Test
    void ipv6LiteralLosesItsBrackets() {
        assertEquals("::1:8000_debian_dists_sid_main_binary-amd64_Packages",
                name("http://[::1]:8000/debian/dists/sid/main/binary-amd64/Packages"));
    }

    @Test
    void quotesWhatAptQuotesAfterDecodingEscapes() {
        // apt read "http://mirror.example/a=b!c@d$e&f*g/%7E/café/" from sources.list
        String expected = "mirror.example_a%3db%21c%40d%24e%26f%2ag_%7e_caf%c3%a9_dists_trixie_InRelease";
        assertEquals(expected, name("http://mirror.example/a=b!c@d$e&f*g/%7E/caf\u00e9/dists/trixie/InRelease"));
        assertEquals(expected, name("http://mirror.example/a=b!c@d$e&f*g/~/caf%C3%A9/dists/trixie/InRelease"));
    }

    @Test
    void relativeUriIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> AptListNames.fileName(URI.create("debian/dists")));
    }
}
