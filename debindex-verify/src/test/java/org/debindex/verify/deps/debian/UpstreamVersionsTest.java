package org.debindex.verify.deps.debian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.debindex.core.version.DebianVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpstreamVersionsTest {

    /**
     * Real versions from the shared trixie (t) and bookworm (b) binary-amd64 Packages files; the
     * package is named in the last column so that each row can be checked with grep.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # Debian version                                | base      | pre-release | snapshot | repacked | package (suite)
            6.0.2-1+b2                                      | 6.0.2     | -           | false    | false    | python3-yaml (t)
            1:0.62-6                                        | 0.62      | -           | false    | false    | python3-webpy (t)
            3.9.3-1+deb13u1                                 | 3.9.3     | -           | false    | false    | python3-zookeeper (t)
            5.17.2+dfsg-2+deb12u1                           | 5.17.2    | -           | false    | true     | libactivemq-java (b)
            20230311+deb12u1                                | 20230311  | -           | false    | false    | ca-certificates (b), native
            1.0.12+ds-3                                     | 1.0.12    | -           | false    | true     | libaeonbits-owner-java (t)
            5.6.1+repack1-1                                 | 5.6.1     | -           | false    | true     | python3-ykman (t)
            1.14.5+repack-3                                 | 1.14.5    | -           | false    | true     | libhdf5-java (t)
            1.1.7.dfsg-4                                    | 1.1.7     | -           | false    | true     | libformula-java (t)
            1:20230101~dfsg-4+b1                            | 20230101  | -           | false    | true     | python3-fontforge (t)
            4.21.2+~cs8.36.27-2                             | 4.21.2    | -           | false    | false    | node-express (t)
            4.18.2+~4.17.14-1                               | 4.18.2    | -           | false    | false    | node-express (b), older sum
            8.8.1+ds+~cs25.17.7-2                           | 8.8.1     | -           | false    | true     | node-debbundle-acorn (t)
            1.13.4~dfsg+~1.11.4-3                           | 1.13.4    | -           | false    | true     | node-underscore (t)
            5.0.0+really4.5.2-1                             | 4.5.2     | -           | false    | false    | golang-github-golang-jwt-jwt-dev (t)
            2.0.0b5+really1.4.3-1                           | 1.4.3     | -           | false    | false    | python3-bibtexparser (t)
            0.11.1+really0.6.0-1                            | 0.6.0     | -           | false    | false    | libjawn-java (t)
            3.3.4+dfsg+REALLY.3.3.3-2                       | 3.3.3     | -           | false    | true     | ruby-bootstrap-switch-rails (b)
            3.0.7+git.20130130.97b34ece.REALLY.1.0.3-4      | 1.0.3     | -           | false    | false    | ruby-messagebus-api (t)
            2.0.0~rc13+dfsg-2+b1                            | 2.0.0     | rc13        | false    | true     | python3-tinyobjloader (t)
            1.1.0~rc2-3                                     | 1.1.0     | rc2         | false    | false    | golang-github-opencontainers-image-spec-dev (b)
            0.25.0~beta.1-1                                 | 0.25.0    | beta.1      | false    | false    | librust-libbpf-rs-dev (t)
            4.0.0~a1-7                                      | 4.0.0     | a1          | false    | false    | python3-l20n (t)
            0.0~git20180921.c76d91c-2                       | 0.0       | -           | true     | false    | golang-github-packer-community-winrmcp-dev (t)
            2019.2.0~git20230116.bd54183-2                  | 2019.2.0  | -           | true     | false    | python3-dolfin (b)
            2019.2.0~legacy20240219.1c52e83-18+b2           | 2019.2.0  | -           | true     | false    | python3-dolfin (t)
            3.0+git20190531-13.1+b8                         | 3.0       | -           | true     | false    | python3-xdmf (t)
            6401+svn158-2                                   | 6401      | -           | true     | false    | libtrilead-ssh2-java (t)
            0.0+20170409-2                                  | 0.0       | -           | true     | false    | golang-github-jhoonb-archivex-dev (b)
            0.0.0+2016.01.15.git.29cc9e1b05-2+b8            | 0.0.0     | -           | true     | false    | golang-github-rsc-devweb (b)
            0.3.0+github-1                                  | 0.3.0+github | -        | false    | false    | python3-asdf-astropy (b), not git
            3.13.0c0e0m0s1-2                                | 3.13.0c0e0m0s1 | -      | false    | false    | ruby-rspec (t), kept as is
            """)
    void convertsRealVersions(String debian, String base, String preRelease, boolean snapshot, boolean repacked,
            String packageName) {
        UpstreamVersion upstream = UpstreamVersions.of(DebianVersion.of(debian));
        assertEquals(new UpstreamVersion(base, Optional.ofNullable(preRelease), snapshot, repacked), upstream,
                packageName);
    }

    @Test
    void joinsThePreReleaseTheWayPep440Writes() {
        assertEquals("2.0.0rc13", UpstreamVersions.of(DebianVersion.of("2.0.0~rc13+dfsg-2+b1")).version());
        assertEquals("4.5.2", UpstreamVersions.of(DebianVersion.of("5.0.0+really4.5.2-1")).version());
    }

    @Test
    void rejectsAnEmptyBase() {
        assertThrows(IllegalArgumentException.class, () -> new UpstreamVersion("", Optional.empty(), false, false));
        assertThrows(IllegalArgumentException.class, () -> new UpstreamVersion("1", Optional.of(""), false, false));
    }
}
