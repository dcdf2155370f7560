package org.debindex.verify.deps.npm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.debindex.core.MalformedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * npm ranges, with expectations written from node-semver's documented examples (its README's
 * "Ranges" section and the range-include/range-exclude fixtures, strict mode).
 */
class NpmRangeTest {

    /** README: what each range desugars to ({@code =} written out for an exact version). */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "1.2.3 - 2.3.4;>=1.2.3 <=2.3.4",
        "1.2 - 2.3.4;>=1.2.0 <=2.3.4",
        "1.2.3 - 2.3;>=1.2.3 <2.4.0-0",
        "1.2.3 - 2;>=1.2.3 <3.0.0-0",
        "*;*",
        "'';*",
        "1.x;>=1.0.0 <2.0.0-0",
        "1.2.x;>=1.2.0 <1.3.0-0",
        "1;>=1.0.0 <2.0.0-0",
        "1.2;>=1.2.0 <1.3.0-0",
        "~1.2.3;>=1.2.3 <1.3.0-0",
        "~1.2;>=1.2.0 <1.3.0-0",
        "~1;>=1.0.0 <2.0.0-0",
        "~0.2.3;>=0.2.3 <0.3.0-0",
        "~0.2;>=0.2.0 <0.3.0-0",
        "~0;>=0.0.0 <1.0.0-0",
        "~1.2.3-beta.2;>=1.2.3-beta.2 <1.3.0-0",
        "^1.2.3;>=1.2.3 <2.0.0-0",
        "^0.2.3;>=0.2.3 <0.3.0-0",
        "^0.0.3;>=0.0.3 <0.0.4-0",
        "^1.2.3-beta.2;>=1.2.3-beta.2 <2.0.0-0",
        "^0.0.3-beta;>=0.0.3-beta <0.0.4-0",
        "^1.2.x;>=1.2.0 <2.0.0-0",
        "^0.0.x;>=0.0.0 <0.1.0-0",
        "^0.0;>=0.0.0 <0.1.0-0",
        "^1.x;>=1.0.0 <2.0.0-0",
        "^0.x;>=0.0.0 <1.0.0-0",
        ">=1.2.7 <1.3.0;>=1.2.7 <1.3.0",
        "1.2.7 || >=1.2.9 <2.0.0;=1.2.7 || >=1.2.9 <2.0.0",
        ">1;>=2.0.0",
        ">1.2;>=1.3.0",
        "<1.2;<1.2.0-0",
        "<=1.2;<1.3.0-0",
        "<*;<0.0.0-0",
        ">=*;*",
        "~> 1;>=1.0.0 <2.0.0-0",
        ">= 1.0.0;>=1.0.0",
        "=v1.2.3;=1.2.3",
        "^1.2.3+build;>=1.2.3 <2.0.0-0",
        "^1.x.3;>=1.0.0 <2.0.0-0",
        "1.2.x-beta;>=1.2.0 <1.3.0-0",
        "1.2.3 - x.1;>=1.2.3",
    })
    void desugarsAsNodeSemverDocuments(String range, String expected) throws MalformedInputException {
        assertEquals(expected, NpmRange.parse(range).desugared());
    }

    /** node-semver test/fixtures/range-include.js (the strict-mode rows). */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "1.0.0 - 2.0.0;1.2.3", "^1.2.3+build;1.2.3", "^1.2.3+build;1.3.0",
        "1.2.3-pre+asdf - 2.4.3-pre+asdf;1.2.3", "1.2.3-pre+asdf - 2.4.3-pre+asdf;1.2.3-pre.2",
        "1.2.3-pre+asdf - 2.4.3-pre+asdf;2.4.3-alpha", "1.2.3+asdf - 2.4.3+asdf;1.2.3", "1.0.0;1.0.0",
        ">=*;0.2.4", "'';1.0.0", "*;1.2.3", "*;v1.2.3", ">=1.0.0;1.0.0", ">=1.0.0;1.0.1", ">=1.0.0;1.1.0",
        ">1.0.0;1.0.1", ">1.0.0;1.1.0", "<=2.0.0;2.0.0", "<=2.0.0;1.9999.9999", "<=2.0.0;0.2.9",
        "<2.0.0;1.9999.9999", "<2.0.0;0.2.9", ">= 1.0.0;1.0.0", ">=  1.0.0;1.0.1", ">=   1.0.0;1.1.0",
        "> 1.0.0;1.0.1", ">  1.0.0;1.1.0", "<=   2.0.0;2.0.0", "<= 2.0.0;1.9999.9999", "<=  2.0.0;0.2.9",
        "<    2.0.0;1.9999.9999", "'<\t2.0.0';0.2.9", ">=0.1.97;v0.1.97", ">=0.1.97;0.1.97",
        "0.1.20 || 1.2.4;1.2.4", ">=0.2.3 || <0.0.1;0.0.0", ">=0.2.3 || <0.0.1;0.2.3",
        ">=0.2.3 || <0.0.1;0.2.4", "||;1.3.4", "2.x.x;2.1.3", "1.2.x;1.2.3", "1.2.x || 2.x;2.1.3",
        "1.2.x || 2.x;1.2.3", "x;1.2.3", "2.*.*;2.1.3", "1.2.*;1.2.3", "1.2.* || 2.*;2.1.3",
        "1.2.* || 2.*;1.2.3", "2;2.1.2", "2.3;2.3.1", "~0.0.1;0.0.1", "~0.0.1;0.0.2", "~x;0.0.9",
        "~2;2.0.9", "~2.4;2.4.0", "~2.4;2.4.5", "~>3.2.1;3.2.2", "~1;1.2.3", "~>1;1.2.3", "~> 1;1.2.3",
        "~1.0;1.0.2", "~ 1.0;1.0.2", "~ 1.0.3;1.0.12", ">=1;1.0.0", ">= 1;1.0.0", "<1.2;1.1.1", "< 1.2;1.1.1",
        "~v0.5.4-pre;0.5.5", "~v0.5.4-pre;0.5.4", "=0.7.x;0.7.2", "<=0.7.x;0.7.2", ">=0.7.x;0.7.2",
        "<=0.7.x;0.6.2", "~1.2.1 >=1.2.3;1.2.3", "~1.2.1 =1.2.3;1.2.3", "~1.2.1 1.2.3;1.2.3",
        "~1.2.1 >=1.2.3 1.2.3;1.2.3", "~1.2.1 1.2.3 >=1.2.3;1.2.3", ">=1.2.1 1.2.3;1.2.3",
        "1.2.3 >=1.2.1;1.2.3", ">=1.2.3 >=1.2.1;1.2.3", ">=1.2.1 >=1.2.3;1.2.3", ">=1.2;1.2.8",
        "^1.2.3;1.8.1", "^0.1.2;0.1.2", "^0.1;0.1.2", "^0.0.1;0.0.1", "^1.2;1.4.2", "^1.2 ^1;1.4.2",
        "^1.2.3-alpha;1.2.3-pre", "^1.2.0-alpha;1.2.0-pre", "^0.0.1-alpha;0.0.1-beta", "^0.0.1-alpha;0.0.1",
        "^0.1.1-alpha;0.1.1-beta", "^x;1.2.3", "x - 1.0.0;0.9.7", "x - 1.x;0.9.7", "1.0.0 - x;1.9.7",
        "1.x - x;1.9.7", "<=7.x;7.9.9",
    })
    void includes(String range, String version) throws MalformedInputException {
        assertTrue(NpmRange.parse(range).isSatisfiedBy(version), range + " ∋ " + version);
    }

    /** node-semver test/fixtures/range-exclude.js (the strict-mode rows). */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "1.0.0 - 2.0.0;2.2.3", "1.2.3+asdf - 2.4.3+asdf;1.2.3-pre.2", "1.2.3+asdf - 2.4.3+asdf;2.4.3-alpha",
        "^1.2.3+build;2.0.0", "^1.2.3+build;1.2.0", "^1.2.3;1.2.3-pre", "^1.2;1.2.0-pre", ">1.2;1.3.0-beta",
        "<=1.2.3;1.2.3-beta", "^1.2.3;1.2.3-beta", "=0.7.x;0.7.0-asdf", ">=0.7.x;0.7.0-asdf",
        "<=0.7.x;0.7.0-asdf", "1.0.0;1.0.1", ">=1.0.0;0.0.0", ">=1.0.0;0.0.1", ">=1.0.0;0.1.0",
        ">1.0.0;0.0.1", ">1.0.0;0.1.0", "<=2.0.0;3.0.0", "<=2.0.0;2.9999.9999", "<=2.0.0;2.2.9",
        "<2.0.0;2.9999.9999", "<2.0.0;2.2.9", ">=0.1.97;v0.1.93", ">=0.1.97;0.1.93", "0.1.20 || 1.2.4;1.2.3",
        ">=0.2.3 || <0.0.1;0.0.3", ">=0.2.3 || <0.0.1;0.2.2", "2.x.x;1.1.3", "2.x.x;3.1.3", "1.2.x;1.3.3",
        "1.2.x || 2.x;3.1.3", "1.2.x || 2.x;1.1.3", "2.*.*;1.1.3", "2.*.*;3.1.3", "1.2.*;1.3.3",
        "1.2.* || 2.*;3.1.3", "1.2.* || 2.*;1.1.3", "2;1.1.2", "2.3;2.4.1", "~0.0.1;0.1.0-alpha",
        "~0.0.1;0.1.0", "~2.4;2.5.0", "~2.4;2.3.9", "~>3.2.1;3.3.2", "~>3.2.1;3.2.0", "~1;0.2.3",
        "~>1;2.2.3", "~1.0;1.1.0", "<1;1.0.0", ">=1.2;1.1.1", "~v0.5.4-beta;0.5.4-alpha", "=0.7.x;0.8.2",
        ">=0.7.x;0.6.2", "<0.7.x;0.7.2", "<1.2.3;1.2.3-beta", "=1.2.3;1.2.3-beta", ">1.2;1.2.8",
        "^0.0.1;0.0.2-alpha", "^0.0.1;0.0.2", "^1.2.3;2.0.0-alpha", "^1.2.3;1.2.2", "^1.2;1.1.9",
        "^1.0.0;2.0.0-rc1", "1 - 2;2.0.0-pre", "1 - 2;1.0.0-pre", "1.0 - 2;1.0.0-pre", "1.1.x;1.0.0-a",
        "1.1.x;1.1.0-a", "1.1.x;1.2.0-a", "1.x;1.0.0-a", "1.x;1.1.0-a", "1.x;1.2.0-a",
        ">=1.0.0 <1.1.0;1.1.0", ">=1.0.0 <1.1.0;1.1.0-pre", ">=1.0.0 <1.1.0-pre;1.1.0-pre",
        "*;1.2.3-foo", "^1.2.3;not-a-version", "^1.2.3;1.2", "1.0.0;1.0.0beta",
    })
    void excludes(String range, String version) throws MalformedInputException {
        assertFalse(NpmRange.parse(range).isSatisfiedBy(version), range + " ∌ " + version);
    }

    @Test
    void invalidRangesAreRefusedSayingWhy() {
        for (String bad : List.of("== 1.0.0 || foo", "latest", ">=1.0.0 - 2", "1.2-beta", "^01.2.3", "=>1.0.0",
                "1.2.3.4", "1.0.0-01", ">=", "1.x.3", ">x.1")) {
            MalformedInputException e = assertThrows(MalformedInputException.class, () -> NpmRange.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("invalid npm range " + MalformedInputException.quote(bad) + ": "),
                    e.getMessage());
        }
        assertEquals("invalid npm range \"latest\": expected a number, x or * in \"latest\"",
                assertThrows(MalformedInputException.class, () -> NpmRange.parse("latest")).getMessage());
    }

    @Test
    void versionsOrderAsSemverTwoSaysAndIgnoreBuild() throws MalformedInputException {
        List<String> ordered = List.of("1.0.0-0", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.2.0", "1.10.0", "2.0.0");
        for (int i = 0; i < ordered.size(); i++) {
            for (int j = 0; j < ordered.size(); j++) {
                assertEquals(Integer.signum(Integer.compare(i, j)),
                        Integer.signum(NpmVersion.parse(ordered.get(i)).compareTo(NpmVersion.parse(ordered.get(j)))),
                        ordered.get(i) + " vs " + ordered.get(j));
            }
        }
        assertEquals(NpmVersion.parse("1.2.3+build.5"), NpmVersion.parse("v1.2.3"));
        assertEquals(List.of("build", "5"), NpmVersion.parse("=1.2.3+build.5").build());
        assertEquals("1.2.3-rc.1", NpmVersion.parse(" v1.2.3-rc.1+x ").toString());
        assertThrows(MalformedInputException.class, () -> NpmVersion.parse("9007199254740992.0.0"));
        assertEquals(9007199254740991L, NpmVersion.parse("9007199254740991.0.0").major());
    }
}
