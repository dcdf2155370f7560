package org.debindex.verify.deps.cargo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.debindex.core.compress.Decompressors;
import org.debindex.core.compress.SizeLimit;
import org.debindex.core.testdata.SharedTestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * debcargo's feature names, checked against the real bookworm {@code Packages.xz} in
 * {@code ../shared/testdata}: every name the helper gives must be a package or a Provides entry
 * there. The file is read directly, not through an assumption, so a missing file fails the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CargoFeaturesTest {

    private final Set<String> debianNames = new HashSet<>();

    @BeforeAll
    void readPackages() throws Exception {
        Path packages = SharedTestData.root().resolve("debian/dists/bookworm/main/binary-amd64/Packages.xz");
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Decompressors.open(packages, SizeLimit.defaultLimit()), StandardCharsets.UTF_8))) {
            String field = "";
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isEmpty()) {
                    field = "";
                    continue;
                }
                String value = line;
                if (!Character.isWhitespace(line.charAt(0))) {
                    int colon = line.indexOf(':');
                    field = line.substring(0, colon);
                    value = line.substring(colon + 1);
                }
                if (field.equals("Package") || field.equals("Provides")) {
                    for (String entry : value.split(",")) {
                        String name = entry.strip();
                        int paren = name.indexOf(' ');
                        debianNames.add(paren < 0 ? name : name.substring(0, paren));
                    }
                }
            }
        }
        assertTrue(debianNames.contains("librust-serde-dev"), "Packages.xz was read");
    }

    @Test
    void namesAsDebcargoBuildsThem() {
        assertEquals(List.of("librust-serde+derive-dev", "librust-serde-1+derive-dev", "librust-serde-1.0+derive-dev",
                        "librust-serde-1.0.152+derive-dev"),
                CargoFeatures.debianNames("serde", "derive", "1.0.152"));
        assertEquals(List.of("librust-serde-json+arbitrary-precision-dev",
                        "librust-serde-json-1+arbitrary-precision-dev", "librust-serde-json-1.2+arbitrary-precision-dev",
                        "librust-serde-json-1.2.0+arbitrary-precision-dev"),
                CargoFeatures.debianNames("Serde_JSON", "Arbitrary_Precision", "1.2"));
        assertEquals("librust-x-0.0.0+f-dev", CargoFeatures.debianNames("x", "f", "0").get(3));
        assertEquals("librust-x-2.0.1+f-dev", CargoFeatures.debianNames("x", "f", "2.0.1-rc.1").get(3));
        assertEquals("serde-json", CargoFeatures.debianName("serde_JSON"));
    }

    /** Crate, feature, the Debian candidate's upstream version: each as found in bookworm. */
    @Test
    void everyNameIsInBookworm() {
        List<List<String>> cases = List.of(
                List.of("serde", "derive", "1.0.152"),
                List.of("serde", "serde_derive", "1.0.152"), // underscore becomes a hyphen
                List.of("serde", "std", "1.0.152"),
                List.of("serde_bytes", "std", "0.11.5"),
                List.of("Serde-Big-Array", "default", "0.4.1"),
                List.of("tokio", "rt-multi-thread", "1.24.2"),
                List.of("tokio", "macros", "1.24.2"),
                List.of("clap", "derive", "4.0.32"));
        for (List<String> c : cases) {
            for (String name : CargoFeatures.debianNames(c.get(0), c.get(1), c.get(2))) {
                assertTrue(debianNames.contains(name), name + " for " + c);
            }
        }
        // what the helper must not produce: the feature as written, or a wrong version level
        assertFalse(debianNames.contains("librust-serde-1+serde_derive-dev"));
        assertFalse(debianNames.contains("librust-serde-1.0.151+derive-dev"));
    }

    @Test
    void refusesWhatIsNoName() {
        assertThrows(IllegalArgumentException.class, () -> CargoFeatures.debianNames("serde", "derive", "latest"));
        assertThrows(IllegalArgumentException.class, () -> CargoFeatures.debianNames("", "derive", "1"));
        assertThrows(IllegalArgumentException.class, () -> CargoFeatures.debianNames("serde", "", "1"));
        assertThrows(NullPointerException.class, () -> CargoFeatures.debianNames("serde", null, "1"));
    }
}
