package org.debindex.verify.deps.debian;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.debindex.core.compress.SizeLimit;
import org.debindex.core.testdata.SharedTestData;
import org.debindex.verify.deps.Ecosystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Composer rule ({@code usr/share/php/<namespace path>/autoload.php}) over bookworm's real
 * Contents-all and Contents-amd64. The expectations were first found with grep in those files;
 * the counts come from an independent awk pipeline over {@code zcat Contents-all.gz
 * Contents-amd64.gz} keeping lines that match {@code ^usr/share/php/.+/autoload\.php[ \t]}
 * (386 lines, one package each).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealContentsComposerTest {

    /** Decompressed sizes the bookworm Release lists, as in {@link RealContentsMappingTest}. */
    private static final long CONTENTS_ALL_SIZE = 519_622_348L;
    private static final long CONTENTS_AMD64_SIZE = 148_405_971L;

    private ContentsMapping mapping;

    @BeforeAll
    void read() throws Exception {
        mapping = ContentsMapping.builder()
                .add(SharedTestData.dists("bookworm", "main/Contents-all.gz"), SizeLimit.exactly(CONTENTS_ALL_SIZE))
                .add(SharedTestData.dists("bookworm", "main/Contents-amd64.gz"),
                        SizeLimit.exactly(CONTENTS_AMD64_SIZE))
                .build();
    }

    @Test
    void mapsNamespacesToTheirPackages() {
        assertEquals(List.of(none("php-parser")), mapping.candidates(Ecosystem.COMPOSER, "PhpParser"));
        assertEquals(List.of(none("php-symfony-console")),
                mapping.candidates(Ecosystem.COMPOSER, "Symfony/Component/Console"));
        assertEquals(List.of(none("php-composer-semver")), mapping.candidates(Ecosystem.COMPOSER, "Composer/Semver"));
        assertEquals(List.of(none("composer")), mapping.candidates(Ecosystem.COMPOSER, "Composer"));
        assertEquals(List.of(none("php-psr-log")), mapping.candidates(Ecosystem.COMPOSER, "Psr/Log"));
        // three packages under one vendor namespace, each keyed by its own
        assertEquals(List.of(none("php-guzzlehttp-guzzle")), mapping.candidates(Ecosystem.COMPOSER, "GuzzleHttp"));
        assertEquals(List.of(none("php-guzzlehttp-psr7")), mapping.candidates(Ecosystem.COMPOSER, "GuzzleHttp/Psr7"));
        // one package, two namespaces
        assertEquals(List.of(none("php-dapphp-radius")), mapping.candidates(Ecosystem.COMPOSER, "Dapphp/Radius"));
        assertEquals(List.of(none("php-dapphp-radius")), mapping.candidates(Ecosystem.COMPOSER, "Crypt/CHAP"));
        // keyed by namespace, never by package name; and a namespace's files are no key
        assertEquals(List.of(), mapping.candidates(Ecosystem.COMPOSER, "nikic/php-parser"));
        assertEquals(List.of(), mapping.candidates(Ecosystem.COMPOSER, "PhpParser/Node"));
        assertEquals(List.of(), mapping.candidates(Ecosystem.COMPOSER, "Doctrine"));
        // the whole framework has a namespace of its own beside its components
        assertEquals(List.of(none("php-symfony")), mapping.candidates(Ecosystem.COMPOSER, "Symfony"));
    }

    @Test
    void countsMatchAnIndependentPipeline() {
        Set<String> names = mapping.names(Ecosystem.COMPOSER);
        int candidates = names.stream().mapToInt(n -> mapping.candidates(Ecosystem.COMPOSER, n).size()).sum();
        Set<String> packages = new HashSet<>();
        names.forEach(n -> mapping.candidates(Ecosystem.COMPOSER, n).forEach(c -> packages.add(c.packageName())));
        // names, distinct (name, package), distinct packages
        assertEquals(List.of(386, 386, 381), List.of(names.size(), candidates, packages.size()));
        // the same order of magnitude as trixie's 417 files in 412 packages (docs/ecosystem-mapping.md)
        assertEquals(true, names.size() > 417 / 3 && names.size() < 417 * 3, names.size() + " names");
    }

    private static Candidate none(String pkg) {
        return new Candidate(pkg, Optional.empty(), Optional.empty());
    }
}
