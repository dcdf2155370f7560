package org.debindex.verify.deps.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Maven version ordering, as literal tables from Maven's ComparableVersion documentation and tests. */
class MavenVersionTest {

    /** Each version is strictly less than the next (Maven's ComparableVersionTest VERSIONS_QUALIFIER). */
    static final List<String> QUALIFIER_ORDER = List.of(
            "1-alpha2snapshot", "1-alpha2", "1-alpha-123", "1-beta-2", "1-beta123", "1-m2", "1-m11",
            "1-rc", "1-cr2", "1-rc123", "1-SNAPSHOT", "1", "1-sp", "1-sp2", "1-sp123", "1-abc",
            "1-def", "1-pom-1", "1-1-snapshot", "1-1", "1-2", "1-123");

    /**
     * Each version is strictly less than the next: Maven's ComparableVersionTest VERSIONS_NUMBER as
     * Maven 3.8.7 orders it, where {@code 2.0.a} reads as {@code 2-a} (MNG-7559), below {@code 2-1}.
     */
    static final List<String> NUMBER_ORDER = List.of(
            "2.0", "2.0.a", "2-1", "2.0.2", "2.0.123", "2.1.0", "2.1-a", "2.1b", "2.1-c",
            "2.1-1", "2.1.0.1", "2.2", "2.123", "11.a2", "11.a11", "11.b2", "11.b11", "11.m2",
            "11.m11", "11", "11.a", "11b", "11c", "11m");

    @Test
    void qualifiersInMavensOrder() {
        assertAscending(QUALIFIER_ORDER);
    }

    @Test
    void numbersInMavensOrder() {
        assertAscending(NUMBER_ORDER);
    }

    @Test
    void theDocumentedQualifierChain() {
        assertAscending(List.of("1.0-alpha1", "1.0-beta1", "1.0-milestone1", "1.0-rc1", "1.0-SNAPSHOT", "1.0",
                "1.0-sp", "1.0-sp1", "1.0-whatever", "1.0.1"));
    }

    @ParameterizedTest(name = "{0} == {1}")
    @CsvSource({
        "1, 1.0", "1, 1.0.0", "1.0, 1.0.0", "1, 1-0", "1, 1.0-0", "1.0, 1.0-final", "1.0, 1.0.RELEASE",
        "1.0, 1.0-ga", "1-ga, 1-final", "1-rc, 1-cr", "1a1, 1-alpha-1", "1b2, 1-beta-2", "1m3, 1-milestone-3",
        "1.0-alpha1, 1-alpha-1", "1.0-SNAPSHOT, 1-snapshot", "1.0-SNAPSHOT, 1.0-snapshot", "1X, 1x",
        "1.0.0-RC1, 1.0-rc-1", "1.0.0.0.0, 1", "2.0.a, 2.0.0.a", "2.0.a, 2-a", "007, 7", "1.0-01, 1.0-1"})
    void equal(String a, String b) {
        MavenVersion va = MavenVersion.parse(a);
        MavenVersion vb = MavenVersion.parse(b);
        assertEquals(0, va.compareTo(vb), a + " vs " + b);
        assertEquals(0, vb.compareTo(va), b + " vs " + a);
        assertEquals(va, vb);
        assertEquals(va.hashCode(), vb.hashCode());
    }

    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource({
        "1.0-alpha1, 1.0", "1.0-rc1, 1.0", "1.0, 1.0-sp", "1.0-SNAPSHOT, 1.0", "1.0, 1.0.1", "1.0, 1.0-1",
        "1.9, 1.10", "1.0-alpha9x, 1.0-alpha10", "2.0-rc1, 2.0", "3.17.0, 3.18.0", "1.7.32, 2.0.17",
        "2.6.1, 3.21.12", "1.0b5-SNAPSHOT, 1.0b5", "4.6.2, 4.7.0", "1.0-a, 1.0-b", "1.0-foo, 1.0.1",
        "123456789012345678901234567890, 123456789012345678901234567891", "999999999, 1000000000",
        "1.0-1, 1.0.1"})
    void less(String a, String b) {
        MavenVersion va = MavenVersion.parse(a);
        MavenVersion vb = MavenVersion.parse(b);
        assertTrue(va.compareTo(vb) < 0, a + " < " + b);
        assertTrue(vb.compareTo(va) > 0, b + " > " + a);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1.0-alpha1, 1-alpha-1", "1.0-SNAPSHOT, 1-snapshot", "1.0.RELEASE, 1", "1-1, 1-1", "2.0.0-RC1, 2-rc-1",
        "1.0b5-SNAPSHOT, 1-beta-5-snapshot", "5.10.3, 5.10.3"})
    void canonicalForms(String text, String canonical) {
        assertEquals(canonical, MavenVersion.parse(text).canonical());
        assertEquals(text, MavenVersion.parse(text).toString());
    }

    @Test
    void anyTextIsAVersionButNullIsNot() {
        assertEquals("", MavenVersion.parse("").canonical());
        assertEquals(0, MavenVersion.parse("").compareTo(MavenVersion.parse("0")));
        assertThrows(NullPointerException.class, () -> MavenVersion.parse(null));
    }

    static void assertAscending(List<String> versions) {
        for (int i = 0; i < versions.size(); i++) {
            for (int j = 0; j < versions.size(); j++) {
                int c = MavenVersion.parse(versions.get(i)).compareTo(MavenVersion.parse(versions.get(j)));
                int expected = Integer.compare(i, j);
                assertEquals(expected, Integer.signum(c), versions.get(i) + " vs " + versions.get(j));
            }
        }
    }
}
