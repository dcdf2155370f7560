package org.debindex.core.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.debindex.core.MalformedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DebianVersionTest {

    // --- parsing: the parts ---

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        // text              | epoch      | hasEpoch | upstream     | revision   | startsWithDigit
        "1.0                 | 0          | false    | 1.0          | ''         | true",
        "1.0-1               | 0          | false    | 1.0          | 1          | true",
        "0:1.0               | 0          | true     | 1.0          | ''         | true",
        "2:1.0-3             | 2          | true     | 1.0          | 3          | true",
        "1.2-3-4             | 0          | false    | 1.2-3        | 4          | true",
        "1:2:3-4             | 1          | true     | 2:3          | 4          | true",
        "1.0-1~bpo12+1       | 0          | false    | 1.0          | 1~bpo12+1  | true",
        "2147483647:1        | 2147483647 | true     | 1            | ''         | true",
        "007:1               | 7          | true     | 1            | ''         | true",
        "abc                 | 0          | false    | abc          | ''         | false",
        "1:~rc1-0            | 1          | true     | ~rc1         | 0          | false",
        "1.0-0               | 0          | false    | 1.0          | 0          | true",
    })
    void splitsIntoEpochUpstreamAndRevision(String text, int epoch, boolean hasEpoch, String upstream,
            String revision, boolean startsWithDigit) throws MalformedInputException {
        DebianVersion v = DebianVersion.parse(text);
        assertEquals(epoch, v.epoch());
        assertEquals(hasEpoch, v.hasEpoch());
        assertEquals(upstream, v.upstream());
        assertEquals(revision, v.revision());
        assertEquals(!revision.isEmpty(), v.hasRevision());
        assertEquals(startsWithDigit, v.startsWithDigit());
        assertEquals(text, v.toString());
    }

    @Test
    void ignoresSurroundingSpacesAndTabsAsDpkgDoes() throws MalformedInputException {
        DebianVersion v = DebianVersion.parse(" \t1:1.0-2\t ");
        assertEquals("1:1.0-2", v.toString());
        assertEquals(1, v.epoch());
        assertEquals("1.0", v.upstream());
        assertEquals("2", v.revision());
    }

    @Test
    void ofParsesValidConstants() {
        assertEquals("1.0-1", DebianVersion.of("1.0-1").toString());
    }

    // --- parsing: every dpkg error, and the characters dpkg only warns about ---

    static Stream<Arguments> invalidVersions() {
        return Stream.of(
                Arguments.of("", "version string is empty"),
                Arguments.of(" \t ", "version string is empty"),
                Arguments.of("1.0 1", "version string has embedded spaces"),
                Arguments.of("1.0\t-1", "version string has embedded spaces"),
                Arguments.of(":1.0", "epoch in version is empty"),
                Arguments.of("a:1.0", "epoch in version is not a number"),
                Arguments.of("1a:1.0", "epoch in version is not a number"),
                Arguments.of("+1:1.0", "epoch in version is not a number"),
                Arguments.of("-1:1.0", "epoch in version is negative"),
                Arguments.of("2147483648:1.0", "epoch in version is too big"),
                Arguments.of("99999999999999999999:1.0", "epoch in version is too big"),
                Arguments.of("1:", "nothing after colon in version number"),
                Arguments.of("1.0-", "revision number is empty"),
                Arguments.of("1:1.0-", "revision number is empty"),
                Arguments.of("-1", "version number is empty"),
                Arguments.of("1:-1", "version number is empty"),
                Arguments.of("1.0_1", "invalid character \"_\" in version number"),
                Arguments.of("1.0@", "invalid character \"@\" in version number"),
                Arguments.of("1.0:1", "epoch in version is not a number"),
                Arguments.of("1.0\u00e91", "invalid character \"\u00e9\" in version number"),
                // dpkg trims only blanks (space, tab): other whitespace is compared as a character
                // by dpkg (with a warning), so it must not be trimmed silently here
                Arguments.of("1.0\r", "invalid character \"\\r\" in version number"),
                Arguments.of("1.0\n", "invalid character \"\\n\" in version number"),
                Arguments.of("1.0-1\r", "invalid character \"\\r\" in revision number"),
                Arguments.of("1.0\u000b", "invalid character \"\\u000b\" in version number"),
                Arguments.of("\u30001.0", "invalid character \"\\u3000\" in version number"),
                Arguments.of("1.0\u2003", "invalid character \"\\u2003\" in version number"),
                Arguments.of("1.0\ud83d\ude00", "invalid character \"\\ud83d\\ude00\" in version number"),
                Arguments.of("1.0-1_1", "invalid character \"_\" in revision number"),
                Arguments.of("1:1.0-1:1", "invalid character \":\" in revision number"),
                Arguments.of("1.0-a/b", "invalid character \"/\" in revision number"));
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("invalidVersions")
    void rejectsInvalidVersionsNamingTheVersionAndWhy(String text, String why) {
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> DebianVersion.parse(text));
        String expected = "invalid version " + MalformedInputException.quote(text) + ": " + why;
        assertEquals(expected, e.getMessage());
        assertEquals(expected, e.problem());
        assertEquals("", e.source());
        assertEquals(-1, e.line());
        assertEquals(Optional.of(why), DebianVersion.problemWith(text));
    }

    @Test
    void messageQuotesAndEscapesTheBadVersion() {
        MalformedInputException e = assertThrows(MalformedInputException.class,
                () -> DebianVersion.parse("1.0 \"x\""));
        assertEquals("invalid version \"1.0 \\\"x\\\"\": version string has embedded spaces", e.getMessage());
    }

    @Test
    void messageIsPlacedInASourceByTheReader() {
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> DebianVersion.parse("1:"));
        assertEquals("Packages:12: invalid version \"1:\": nothing after colon in version number",
                e.at("Packages", 12, 345).getMessage());
    }

    @Test
    void ofRejectsInvalidConstantsWithIllegalArgument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DebianVersion.of("1:"));
        assertEquals("invalid version \"1:\": nothing after colon in version number", e.getMessage());
    }

    @Test
    void problemWithIsEmptyForValidVersions() {
        assertEquals(Optional.empty(), DebianVersion.problemWith("1:2.3-4"));
    }

    @Test
    void nullIsAProgrammingError() {
        assertThrows(NullPointerException.class, () -> DebianVersion.parse(null));
        assertThrows(NullPointerException.class, () -> DebianVersion.problemWith(null));
        assertThrows(NullPointerException.class, () -> DebianVersion.of("1").compareTo(null));
    }

    // --- comparison ---

    static Stream<TrickyVersions.Row> trickyRows() {
        return TrickyVersions.ROWS.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trickyRows")
    void comparesTheTrickyTableBothWays(TrickyVersions.Row row) {
        DebianVersion a = DebianVersion.of(row.a());
        DebianVersion b = DebianVersion.of(row.b());
        assertEquals(row.sign(), Integer.signum(a.compareTo(b)), row.toString());
        assertEquals(-row.sign(), Integer.signum(b.compareTo(a)), row.toString());
        assertEquals(row.sign(), Integer.signum(DebianVersion.ORDER.compare(a, b)), row.toString());
        assertEquals(row.sign() == 0, a.isSameVersionAs(b), row.toString());
    }

    @Test
    void sortsAChainInDebianOrder() {
        List<String> expected = List.of(
                "~~", "~~a", "~", "~a", "0~rc1", "0", "0-0.1", "0-1~bpo1", "0-1", "0-1+b1", "0A+", "0a", "0+",
                "1.0~rc1", "1.0", "1.0-1", "1.0a", "1.0.0", "1.1", "1.10", "2", "10", "0:11", "1:0", "1:0.1", "2:0");
        List<DebianVersion> versions = new ArrayList<>();
        for (int i = expected.size() - 1; i >= 0; i--) {
            versions.add(DebianVersion.of(expected.get(i)));
        }
        versions.sort(DebianVersion.ORDER);
        assertEquals(expected, versions.stream().map(DebianVersion::toString).toList());
    }

    @Test
    void epochComparesAsAnIntegerUpToIntMax() {
        assertTrue(DebianVersion.of("2147483647:0").compareTo(DebianVersion.of("2147483646:9")) > 0);
    }

    // --- equality ---

    @Test
    void equalsComparesTheTextWhileCompareToComparesByDebianRules() {
        DebianVersion plain = DebianVersion.of("1.0");
        DebianVersion spelled = DebianVersion.of("0:1.0-0");
        assertEquals(0, plain.compareTo(spelled));
        assertTrue(plain.isSameVersionAs(spelled));
        assertNotEquals(plain, spelled);
        assertEquals(plain, DebianVersion.of(" 1.0 "));
        assertEquals(plain.hashCode(), DebianVersion.of("1.0").hashCode());
        assertFalse(plain.equals("1.0"));
    }
}
