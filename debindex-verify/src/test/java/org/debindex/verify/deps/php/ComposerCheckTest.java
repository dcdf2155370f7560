package org.debindex.verify.deps.php;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.debindex.core.compress.SizeLimit;
import org.debindex.core.index.IndexInput;
import org.debindex.core.index.PackageIndex;
import org.debindex.core.index.PackageOrigin;
import org.debindex.verify.deps.CheckResult;
import org.debindex.verify.deps.CheckResult.Status;
import org.debindex.verify.deps.DeclaredDependency;
import org.debindex.verify.deps.DependencyCheck;
import org.debindex.verify.deps.Ecosystem;
import org.debindex.verify.deps.debian.ContentsMapping;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Composer dependencies through the check: looked up by namespace, versions by Composer's rules. */
class ComposerCheckTest {

    /** Lines as bookworm's Contents has them (paths and packages checked there). */
    private static final String CONTENTS = String.join("\n",
            "usr/share/php/PhpParser/autoload.php                    php/php-parser",
            "usr/share/php/PhpParser/Node.php                        php/php-parser",
            "usr/share/php/Symfony/Component/Console/autoload.php    php/php-symfony-console",
            "usr/share/php/Crypt/CHAP/autoload.php                   php/php-dapphp-radius",
            "usr/share/php/Dapphp/Radius/autoload.php                php/php-dapphp-radius",
            "usr/share/php/Psr/Log/autoload.php                      php/php-psr-log",
            "usr/share/php/Psr/Log/autoload.php                      php/php-psr-log3",
            "");

    private static final String PACKAGES = String.join("\n",
            pkg("php-parser", "4.15.2-1"),
            pkg("php-symfony-console", "5.4.23+dfsg-1+deb12u1"),
            pkg("php-dapphp-radius", "2.5.4-2"),
            pkg("php-psr-log", "1.1.4-1"),
            pkg("php-psr-log3", "3.0.0-1"));

    private static DependencyCheck check;

    @BeforeAll
    static void build(@TempDir Path dir) throws Exception {
        Path contents = Files.writeString(dir.resolve("Contents-amd64"), CONTENTS, StandardCharsets.UTF_8);
        Path packages = Files.writeString(dir.resolve("Packages"), PACKAGES, StandardCharsets.UTF_8);
        ContentsMapping mapping = ContentsMapping.builder().add(contents, SizeLimit.defaultLimit()).build();
        PackageIndex index = PackageIndex.build(List.of(IndexInput.packages(
                new PackageOrigin("stable", "bookworm", "main", "amd64"), packages, "Packages", Files.size(packages), "",
                SizeLimit.defaultLimit())));
        check = new DependencyCheck(mapping, index, "bookworm");
    }

    private static String pkg(String name, String version) {
        return "Package: " + name + "\nVersion: " + version + "\nArchitecture: all\nDescription: test " + name + "\n";
    }

    private static CheckResult run(String name, String requested, String scope, String... keys) throws Exception {
        return check.check(new DeclaredDependency(Ecosystem.COMPOSER, name, requested,
                scope.isEmpty() ? Optional.empty() : Optional.of(scope), true, "composer.json", 3, List.of(keys)));
    }

    @Test
    void foundByItsNamespaceNotItsName() throws Exception {
        CheckResult r = run("nikic/php-parser", "^4.15", "", "PhpParser");
        assertEquals(Status.AVAILABLE, r.status(), r.reason());
        assertEquals(Optional.of("php-parser"), r.debianPackage());
        assertEquals(Optional.of("4.15.2-1"), r.debianVersion());
        assertEquals(Optional.of("4.15.2"), r.upstreamVersion());
        assertEquals("", r.reason());
    }

    @Test
    void versionsByComposersRules() throws Exception {
        CheckResult old = run("symfony/console", "^6.2", "", "Symfony/Component/Console");
        assertEquals(Status.TOO_OLD, old.status(), old.reason());
        assertEquals(Optional.of("5.4.23"), old.upstreamVersion());
        assertEquals("Debian has 5.4.23 (php-symfony-console)", old.reason());
        // ~5.2 is >=5.2 <6.0: the pitfall that npm's ~5.2 would refuse 5.4
        assertEquals(Status.AVAILABLE, run("symfony/console", "~5.2", "", "Symfony/Component/Console").status());
        assertEquals(Status.TOO_OLD, run("symfony/console", "~5.2.0", "", "Symfony/Component/Console").status());
        assertEquals(Status.AVAILABLE,
                run("symfony/console", "^4.4 || ^5.4@dev", "", "Symfony/Component/Console").status());
        assertEquals(Status.AVAILABLE, run("symfony/console", "*", "", "Symfony/Component/Console").status());
        CheckResult bad = run("symfony/console", "~>5.2", "", "Symfony/Component/Console");
        assertEquals(Status.UNKNOWN, bad.status());
        assertTrue(bad.reason().startsWith("cannot parse the requirement: invalid constraint"), bad.reason());
    }

    @Test
    void candidatesAreTheUnionOverItsNamespaces() throws Exception {
        // two namespaces in one package: one candidate, not two
        CheckResult r = run("dapphp/radius", "^2.5", "", "Dapphp/Radius", "Crypt/CHAP");
        assertEquals(Status.AVAILABLE, r.status(), r.reason());
        assertEquals(Optional.of("php-dapphp-radius"), r.debianPackage());
        assertEquals("", r.reason());
        // one namespace in two packages: the one that satisfies
        CheckResult log = run("psr/log", "^1.1", "", "Psr/Log");
        assertEquals(Status.AVAILABLE, log.status(), log.reason());
        assertEquals(Optional.of("php-psr-log"), log.debianPackage());
        assertEquals("the highest that satisfies; 2 packages ship it: php-psr-log3 3.0.0, php-psr-log 1.1.4",
                log.reason());
        // a namespace Debian lacks beside one it has
        assertEquals(Optional.of("php-parser"), run("nikic/php-parser", "^4", "", "Missing/Ns", "PhpParser")
                .debianPackage());
    }

    @Test
    void aNamespaceNoPackageShipsIsMissing() throws Exception {
        CheckResult r = run("monolog/monolog", "^3.0", "", "Monolog");
        assertEquals(Status.MISSING, r.status());
        assertEquals("no package of bookworm ships it", r.reason());
    }

    @Test
    void withoutNamespacesNothingIsLookedUp() throws Exception {
        // even a name that happens to equal a key is no key
        CheckResult r = run("PhpParser", "^4.15", "");
        assertEquals(Status.UNKNOWN, r.status());
        assertEquals("no composer.lock beside composer.json to learn its PSR-4 namespace", r.reason());
        assertEquals(Optional.empty(), r.debianPackage());

        for (String scope : List.of("platform", "dev,platform")) {
            CheckResult php = run("php", ">=8.1", scope);
            assertEquals(Status.UNKNOWN, php.status());
            assertEquals("a PHP platform requirement (interpreter or extension), not a Composer package", php.reason());
        }
    }
}
