package org.debindex.verify.deps.go;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.debindex.core.MalformedInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Minimums within the major version the module path names. */
class GoRequirementTest {

    @ParameterizedTest
    @CsvSource({
        "example.org/x, v1.2.3, v1.2.3, true",
        "example.org/x, v1.2.3, v1.9.0, true",
        "example.org/x, v1.2.3, v1.2.2, false",
        "example.org/x, v1.2.3, v1.2.4-0.20210101120000-abcdef123456, true",
        "example.org/x, v1.2.3, v1.2.3-rc.1, false",
        "example.org/x, v0.3.0, v1.0.0, true",
        "example.org/x, v1.2.3, v2.0.0, false",
        "example.org/x, v1.2.3, v2.0.0+incompatible, true",
        "example.org/x, v2.1.0+incompatible, v2.3.0+incompatible, true",
        "example.org/x, v2.1.0+incompatible, v2.0.0+incompatible, false",
        "example.org/x, v0.0.0-20210101120000-abcdef123456, v0.0.0-20220101120000-0123456789ab, true",
        "example.org/x, v0.0.0-20210101120000-abcdef123456, v0.0.0-20200101120000-0123456789ab, false",
        "example.org/x, v0.0.0-20210101120000-abcdef123456, v0.1.0, true",
        "example.org/m/v2, v2.1.0, v2.5.0, true",
        "example.org/m/v2, v2.1.0, v3.0.0, false",
        "example.org/m/v2, v2.1.0, v1.9.0, false",
        "example.org/m/v2, v2.1.0, v2.1.0+incompatible, false",
        "gopkg.in/x.v3, v3.0.0, v3.0.1, true",
        "gopkg.in/x.v3, v3.0.0, v2.4.0, false",
        "gopkg.in/y.v1, v1.0.0-20201130134442-10cb98267c6c, v1.0.0, true",
        "gopkg.in/y.v1, v0.0.0-20161208181325-20d25e280405, v1.0.0, true",
        "gopkg.in/z.v2-unstable, v2.0.0, v2.1.0, true",
        "example.org/x, v1.2.3, 1.2.3, false",
        "example.org/x, v1.2.3, not-a-version, false",
    })
    void minimumWithinTheMajorOfThePath(String path, String minimum, String candidate, boolean satisfied)
            throws MalformedInputException {
        assertEquals(satisfied, GoRequirement.parse(path, minimum).isSatisfiedBy(candidate),
                path + " " + minimum + " by " + candidate);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "example.org/x|v2.0.0|version \"v2.0.0\" does not belong to module \"example.org/x\"; expected v0 or v1 (or vN+incompatible)",
        "example.org/m/v2|v1.0.0|version \"v1.0.0\" does not belong to module \"example.org/m/v2\"; expected v2",
        "example.org/m/v3|v3.0.0+incompatible|version \"v3.0.0+incompatible\" does not belong to module \"example.org/m/v3\"; expected v3",
        "gopkg.in/x.v2|v3.0.0|version \"v3.0.0\" does not belong to module \"gopkg.in/x.v2\"; expected v2",
        "example.org/m/v1|v1.0.0|invalid major version suffix \"/v1\" in module path \"example.org/m/v1\"; expected /v2 or above",
        "example.org/m/v02|v2.0.0|invalid major version suffix \"/v02\" in module path \"example.org/m/v02\"; expected /v2 or above",
        "gopkg.in/x|v1.0.0|invalid gopkg.in module path \"gopkg.in/x\"; expected gopkg.in/name.vN",
    })
    void refusesVersionsOfAnotherMajor(String path, String minimum, String message) {
        assertEquals(message, assertThrows(MalformedInputException.class, () -> GoRequirement.parse(path, minimum))
                .getMessage());
    }
}
