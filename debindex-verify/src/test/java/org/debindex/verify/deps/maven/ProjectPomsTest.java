package org.debindex.verify.deps.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.debindex.verify.deps.DeclaredDependency;
import org.junit.jupiter.api.Test;

/** This project's own POMs, read from the module directory surefire runs in. */
class ProjectPomsTest {

    static final Path ROOT = Path.of("../pom.xml");
    static final Path CLI = Path.of("../debindex-cli/pom.xml");

    final PomReader reader = new PomReader();

    /** A property of the root POM, read as text, so that a version bump does not break the test. */
    static String rootProperty(String name) throws Exception {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]*)</").matcher(Files.readString(ROOT));
        assertTrue(m.find(), name);
        return m.group(1).strip();
    }

    @Test
    void theRootDeclaresNoDependencies() throws Exception {
        assertEquals(List.of(), reader.read(ROOT));
    }

    @Test
    void theCliTakesPicocliFromTheParentAndJunitFromAnImportedBomOutsideTheTree() throws Exception {
        PomManifest manifest = reader.readManifest(CLI);
        List<DeclaredDependency> deps = manifest.dependencies();
        DeclaredDependency picocli = deps.stream().filter(d -> d.name().equals("info.picocli:picocli")).findFirst()
                .orElseThrow();
        assertEquals(rootProperty("picocli.version"), picocli.requested(), "${picocli.version} from the parent");
        assertTrue(picocli.runtime());
        assertEquals(Optional.empty(), picocli.scope());
        assertEquals(CLI.toString(), picocli.manifest());
        assertEquals("<dependency>", Files.readAllLines(CLI).get(picocli.line() - 1).strip());

        DeclaredDependency verify = deps.stream().filter(d -> d.name().equals("org.debindex:debindex-verify"))
                .findFirst().orElseThrow();
        assertEquals(rootProperty("version"), verify.requested(), "${project.version}, inherited from the parent");

        DeclaredDependency junit = deps.stream().filter(d -> d.name().equals("org.junit.jupiter:junit-jupiter"))
                .findFirst().orElseThrow();
        assertEquals(Optional.of("test"), junit.scope());
        assertFalse(junit.runtime());
        assertEquals("", junit.requested(), "managed by junit-bom, which is not in the tree");
        assertEquals(List.of(new PomManifest.Unresolved(junit, "no version given and none managed in the tree; "
                + "imported BOM org.junit:junit-bom:" + rootProperty("junit.version") + " is not in the tree")),
                manifest.unresolved());

        // the test-jar of core is a second dependency on the same artifact, in test scope
        assertEquals(List.of(Optional.<String>empty(), Optional.of("test")), deps.stream()
                .filter(d -> d.name().equals("org.debindex:debindex-core")).map(DeclaredDependency::scope).toList());
    }

    @Test
    void everyModuleReads() throws Exception {
        for (String module : List.of("debindex-core", "debindex-verify", "debindex-cli", "benchmarks")) {
            Path pom = Path.of("..", module, "pom.xml");
            for (DeclaredDependency d : reader.read(pom)) {
                assertFalse(d.name().contains("${"), d.toString());
                assertFalse(d.requested().contains("${"), d.toString());
            }
        }
    }
}
