package org.debindex.core.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.time.format.DateTimeParseException;
import org.debindex.core.fetch.Validators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest's hand-read fields: instants agree with {@link Instant#parse}, the absent targets are words. */
class ManifestReadingTest {

    @Test
    void readsWhatInstantToStringWrites() {
        long[] seconds = {0, 1, 59, 86_399, 86_400, 951_782_400 /* 2000-02-29 */, 1_763_111_558, 4_102_444_799L,
            -1, -86_401, 253_402_300_799L /* 9999-12-31T23:59:59 */};
        for (long s : seconds) {
            Instant instant = Instant.ofEpochSecond(s);
            assertEquals(instant, SuiteManifest.parseInstant(instant.toString()), instant.toString());
        }
        for (long s = 946_684_800L; s < 4_102_444_800L; s += 86_400L * 37 + 3_601) {   // 2000 to 2100
            Instant instant = Instant.ofEpochSecond(s);
            assertEquals(instant, SuiteManifest.parseInstant(instant.toString()), instant.toString());
        }
    }

    @Test
    void otherShapesGoToInstantParse() {
        assertEquals(Instant.parse("2026-11-14T09:12:38.500Z"), SuiteManifest.parseInstant("2026-11-14T09:12:38.500Z"));
        assertEquals(Instant.parse("2026-11-14T09:12:38+01:00"), SuiteManifest.parseInstant("2026-11-14T09:12:38+01:00"));
        // ISO_INSTANT's own readings of midnight's 24:00 and of a leap second
        assertEquals(Instant.parse("2024-01-01T24:00:00Z"), SuiteManifest.parseInstant("2024-01-01T24:00:00Z"));
        assertEquals(Instant.parse("2016-12-31T23:59:60Z"), SuiteManifest.parseInstant("2016-12-31T23:59:60Z"));
    }

    @Test
    void refusesWhatInstantParseRefuses() {
        for (String bad : new String[] {"2026-02-29T00:00:00Z", "2024-13-01T00:00:00Z", "2024-00-10T00:00:00Z",
            "2024-01-00T00:00:00Z", "2024-01-01T23:60:00Z",
            "2024-01-01T2a:00:00Z", "2024-01-01 00:00:00Z", "yesterday", ""}) {
            assertThrows(DateTimeParseException.class, () -> Instant.parse(bad), bad);
            assertThrows(DateTimeParseException.class, () -> SuiteManifest.parseInstant(bad), bad);
        }
        assertEquals(Instant.parse("2024-02-29T00:00:00Z"), SuiteManifest.parseInstant("2024-02-29T00:00:00Z"));
    }

    @Test
    void absentTargetsRoundTripAndToleranceOfBlanks(@TempDir Path dir) throws Exception {
        SuiteManifest written = new SuiteManifest("file:/srv/mirror/", URI.create("file:/srv/mirror/dists/trixie/"),
                "trixie", "InRelease@x", Optional.empty(), Optional.of("trixie"),
                Validators.of(Optional.empty(), Optional.empty()), List.of(),
                List.of("main/i18n/Translation-en", "contrib/i18n/Translation-en"));
        Path file = dir.resolve("a" + "@manifest");
        Files.write(file, written.toBytes());
        assertEquals(written.absent(), SuiteManifest.read(file).orElseThrow().absent());

        String text = new String(written.toBytes(), StandardCharsets.UTF_8)
                .replace("Absent: main/i18n/Translation-en contrib/i18n/Translation-en",
                        "Absent: \t main/i18n/Translation-en\t \tcontrib/i18n/Translation-en  ");
        assertEquals(true, text.contains("Translation-en\t \tcontrib"), text);
        Files.writeString(file, text);
        assertEquals(written.absent(), SuiteManifest.read(file).orElseThrow().absent());
    }
}
