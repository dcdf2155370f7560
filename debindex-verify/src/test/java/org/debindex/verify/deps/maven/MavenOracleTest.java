package org.debindex.verify.deps.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Differential test against Maven's own maven-artifact jar (Debian's libmaven3-core-java), loaded
 * from {@code /usr/share/maven/lib}; skipped, and reported as skipped, when it is not installed.
 * It is not a build dependency: the project may not depend on Maven itself.
 */
class MavenOracleTest {

    static final Path JAR = Path.of(System.getProperty("debindex.mavenArtifactJar",
            "/usr/share/maven/lib/maven-artifact-3.x.jar"));

    /** VersionRange uses commons-lang3; Maven's lib directory holds it next to maven-artifact. */
    static final Path LANG3 = JAR.resolveSibling("commons-lang3.jar");

    static URLClassLoader loader;

    static final List<String> VERSIONS = versions();

    @BeforeAll
    static void load() throws Exception {
        if (Files.isReadable(JAR)) {
            List<URL> path = new ArrayList<>(List.of(JAR.toUri().toURL()));
            if (Files.isReadable(LANG3)) {
                path.add(LANG3.toUri().toURL());
            }
            loader = new URLClassLoader(path.toArray(URL[]::new), null);
        }
    }

    @AfterAll
    static void close() throws Exception {
        if (loader != null) {
            loader.close();
        }
    }

    static List<String> versions() {
        List<String> out = new ArrayList<>(MavenVersionTest.QUALIFIER_ORDER);
        out.addAll(MavenVersionTest.NUMBER_ORDER);
        out.addAll(List.of("1", "1.0", "1.0.0", "1-0", "1.0-final", "1.0.RELEASE", "1.0-ga", "1-cr", "1a1",
                "1.0-alpha1", "1.0-beta1", "1.0-milestone1", "1.0-SNAPSHOT", "1.0-sp", "1.0-sp1", "1.0.1",
                "1.0-1", "1.0-1-1", "1.0.0-1.0", "1-0.1", "1.0-0.0", "1.0.0-0.0.1", "1--1", "1..1", ".1", "-1",
                "1.", "1-", "1-a", "1-b", "1-m", "1-x1", "1x1", "1.0.0.ga.1", "1.0-ga-1", "1.0-final.1",
                "3.17.0", "1.0b5-SNAPSHOT", "1.0b5", "2.0.17", "1.7.32", "5.10.3", "1.5.2-5", "1.9.x", "a", "b",
                "", "0", "0.0", "1-alpha", "1-alpha-0", "1-0-alpha", "1.0.0-rc.1", "1.0.0-rc.1+build.5",
                "2.0-rc1", "20240927", "0.0.0-20240927-0f3dac3", "1.0-jre", "1.0-android", "10.0.0", "9.9.9"));
        return List.copyOf(out);
    }

    @Test
    void orderingAgreesWithComparableVersion() throws Exception {
        assumeTrue(loader != null, "maven-artifact not installed at " + JAR + ": oracle test skipped");
        Class<?> cv = loader.loadClass("org.apache.maven.artifact.versioning.ComparableVersion");
        Constructor<?> make = cv.getConstructor(String.class);
        Method compare = cv.getMethod("compareTo", cv);
        Method canonical = cv.getMethod("getCanonical");
        for (String a : VERSIONS) {
            Object ma = make.newInstance(a);
            assertEquals(canonical.invoke(ma), MavenVersion.parse(a).canonical(), "canonical form of " + a);
            for (String b : VERSIONS) {
                int expected = Integer.signum((Integer) compare.invoke(ma, make.newInstance(b)));
                int actual = Integer.signum(MavenVersion.parse(a).compareTo(MavenVersion.parse(b)));
                assertEquals(expected, actual, "\"" + a + "\" vs \"" + b + "\"");
            }
        }
    }

    @Test
    void rangesAgreeWithVersionRange() throws Exception {
        assumeTrue(loader != null, "maven-artifact not installed at " + JAR + ": oracle test skipped");
        Class<?> range = loader.loadClass("org.apache.maven.artifact.versioning.VersionRange");
        Class<?> version = loader.loadClass("org.apache.maven.artifact.versioning.DefaultArtifactVersion");
        Class<?> artifactVersion = loader.loadClass("org.apache.maven.artifact.versioning.ArtifactVersion");
        Method create = range.getMethod("createFromVersionSpec", String.class);
        Method contains = range.getMethod("containsVersion", artifactVersion);
        Constructor<?> makeVersion = version.getConstructor(String.class);
        for (String spec : MavenRequirementTest.VALID_RANGES) {
            Object mavenRange = create.invoke(null, spec);
            MavenRequirement ours = MavenRequirement.parse(spec);
            for (String v : VERSIONS) {
                boolean expected = (Boolean) contains.invoke(mavenRange, makeVersion.newInstance(v));
                assertEquals(expected, ours.isSatisfiedBy(v), spec + " contains \"" + v + "\"");
            }
        }
    }
}
