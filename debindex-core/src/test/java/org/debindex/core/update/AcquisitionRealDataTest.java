package org.debindex.core.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.debindex.core.FindingCode;
import org.debindex.core.Severity;
import org.debindex.core.cache.CacheLayout;
import org.debindex.core.source.SourceList;
import org.debindex.core.source.SourcesParser;
import org.debindex.core.testdata.SharedTestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Updates from the real Debian mirror copy in the shared test data (skipped visibly without it). */
class AcquisitionRealDataTest {

    @TempDir
    Path dir;

    @Test
    void trixieAndBookwormFromTheSharedMirror() throws Exception {
        Path root = SharedTestData.require();
        Path keyring = SharedTestData.file("keyrings/debian-archive-keyring.gpg");
        String mirror = "file:" + root.resolve("debian");
        SourcesParser parser = new SourcesParser("amd64");
        SourceList sources = SourceList.concat(List.of(
                parser.parseRepo("deb [signed-by=" + keyring + "] " + mirror + " trixie main"),
                parser.parseRepo("deb-src [signed-by=" + keyring + "] " + mirror + " trixie main"),
                parser.parseRepo("deb [signed-by=" + keyring + "] " + mirror + " bookworm main")));
        AcquisitionOptions options = AcquisitionOptions.defaults(List.of("amd64"))
                .at(Instant.parse("2026-11-26T00:00:00Z")).withSources(true).withContents(true);
        List<AcquisitionReport> reports = new Acquisition(AcquisitionTest.fetcher(), new CacheLayout(dir),
                options, AcquisitionProgress.none()).run(sources, List.of());
        assertEquals(2, reports.size());

        AcquisitionReport trixie = reports.get(0);
        assertEquals(AcquisitionReport.Outcome.UPDATED, trixie.outcome(), trixie.findings().toString());
        assertEquals(3, trixie.verification().orElseThrow().goodSigners().size());
        Map<IndexKind, TargetReport.Outcome> t = outcomes(trixie);
        assertEquals(TargetReport.Outcome.FETCHED, t.get(IndexKind.PACKAGES));
        assertEquals(TargetReport.Outcome.FETCHED, t.get(IndexKind.TRANSLATION));
        assertEquals(TargetReport.Outcome.FETCHED, t.get(IndexKind.SOURCES));
        Map<String, TargetReport.Outcome> tp = byPath(trixie);
        assertEquals(TargetReport.Outcome.FAILED, tp.get("main/Contents-amd64"), trixie.findings().toString());
        // listed by the Release, absent from this partial mirror: optional, skipped
        assertEquals(TargetReport.Outcome.SKIPPED, tp.get("main/Contents-all"), trixie.findings().toString());
        assertTrue(trixie.findings().stream().anyMatch(f -> f.code() == FindingCode.INDEX_SIZE_MISMATCH
                && f.target().contains("Contents-amd64")), trixie.findings().toString());
        assertEquals(List.of(IndexKind.PACKAGES, IndexKind.TRANSLATION, IndexKind.SOURCES),
                trixie.verified().stream().map(VerifiedIndex::kind).sorted().toList());

        AcquisitionReport bookworm = reports.get(1);
        assertEquals(AcquisitionReport.Outcome.UPDATED, bookworm.outcome(), bookworm.findings().toString());
        assertTrue(!bookworm.hasFailures(), bookworm.findings().toString());
        Map<IndexKind, TargetReport.Outcome> b = outcomes(bookworm);
        assertEquals(TargetReport.Outcome.FETCHED, b.get(IndexKind.PACKAGES));
        Map<String, TargetReport.Outcome> bp = byPath(bookworm);
        assertEquals(TargetReport.Outcome.FETCHED, bp.get("main/Contents-amd64"));
        assertEquals(TargetReport.Outcome.FETCHED, bp.get("main/Contents-all"), "arch:all packages' files");
        assertEquals(TargetReport.Outcome.SKIPPED, b.get(IndexKind.TRANSLATION));
        assertTrue(bookworm.findings().stream().anyMatch(f -> f.severity() == Severity.NOTE
                && f.code() == FindingCode.INDEX_MISSING && f.target().contains("Translation-en")));
        assertEquals(6, SuiteManifest.verifiedIndexes(new CacheLayout(dir)).size());
    }

    private static Map<IndexKind, TargetReport.Outcome> outcomes(AcquisitionReport r) {
        return r.targets().stream().filter(x -> x.target().kind() != IndexKind.CONTENTS)
                .collect(Collectors.toMap(x -> x.target().kind(), TargetReport::outcome));
    }

    private static Map<String, TargetReport.Outcome> byPath(AcquisitionReport r) {
        return r.targets().stream().collect(Collectors.toMap(x -> x.target().path(), TargetReport::outcome));
    }
}
