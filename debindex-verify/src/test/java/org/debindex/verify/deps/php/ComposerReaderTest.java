package org.debindex.verify.deps.php;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.debindex.core.MalformedInputException;
import org.debindex.verify.deps.DeclaredDependency;
import org.debindex.verify.deps.Ecosystem;
import org.debindex.verify.deps.Manifests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** composer.json groups, platform requirements, namespaces from composer.lock, lines and errors. */
class ComposerReaderTest {

    @TempDir
    Path dir;

    private final ComposerReader reader = new ComposerReader();

    // JSON escapes a backslash, and a text block a backslash again: \\\\ is one backslash
    private static final String COMPOSER_JSON = """
            {
                "name": "example/app",
                "require": {
                    "php": ">=8.1",
                    "ext-json": "*",
                    "symfony/console": "^6.2",
                    "Nikic/PHP-Parser": "^4.15",
                    "twig/twig": "^1.44",
                    "example/classmap-only": "^1.0",
                    "example/not-locked": "~2.1"
                },
                "require-dev": {
                    "phpunit/phpunit": "^9.5",
                    "lib-pcre": ">=10"
                },
                "autoload": {"psr-4": {"App\\\\": "src/"}}
            }
            """;

    private static final String COMPOSER_LOCK = """
            {
                "content-hash": "0123456789abcdef",
                "packages": [
                    {
                        "name": "symfony/console",
                        "version": "v6.2.5",
                        "autoload": {
                            "psr-4": {"Symfony\\\\Component\\\\Console\\\\": ""},
                            "exclude-from-classmap": ["/Tests/"]
                        }
                    },
                    {
                        "name": "nikic/php-parser",
                        "version": "v4.15.3",
                        "autoload": {"psr-4": {"PhpParser\\\\": "lib/PhpParser", "": "fallback/"}}
                    },
                    {
                        "name": "twig/twig",
                        "version": "v1.44.7",
                        "autoload": {"psr-0": {"Twig_": "lib/"}}
                    },
                    {
                        "name": "example/classmap-only",
                        "version": "1.0.0",
                        "autoload": {"classmap": ["lib/"]}
                    }
                ],
                "packages-dev": [
                    {
                        "name": "phpunit/phpunit",
                        "version": "9.5.28",
                        "autoload": {"classmap": ["src/"], "psr-4": {"PHPUnit\\\\Framework\\\\": "src/Framework", \
            "PHPUnit\\\\Framework": "x/", "PHPUnit\\\\": "src/"}}
                    },
                    {"name": "example/no-autoload", "version": "1.0.0", "autoload": []}
                ]
            }
            """;

    private Path write(String name, String json) throws Exception {
        return Files.writeString(dir.resolve(name), json);
    }

    private static DeclaredDependency dep(Path file, String name, String requested, String scope, boolean runtime,
            int line, List<String> keys) {
        return new DeclaredDependency(Ecosystem.COMPOSER, name, requested,
                scope.isEmpty() ? Optional.empty() : Optional.of(scope), runtime, file.toString(), line, keys);
    }

    @Test
    void readsGroupsPlatformAndNamespacesFromTheLock() throws Exception {
        Path file = write("composer.json", COMPOSER_JSON);
        write("composer.lock", COMPOSER_LOCK);
        assertEquals(List.of(
                dep(file, "php", ">=8.1", "platform", true, 4, List.of()),
                dep(file, "ext-json", "*", "platform", true, 5, List.of()),
                dep(file, "symfony/console", "^6.2", "", true, 6, List.of("Symfony/Component/Console")),
                // Composer names are case-insensitive
                dep(file, "Nikic/PHP-Parser", "^4.15", "", true, 7, List.of("PhpParser")),
                // PSR-0 only: its prefix, "_" dropped as PSR-0 maps it to a directory
                dep(file, "twig/twig", "^1.44", "", true, 8, List.of("Twig")),
                dep(file, "example/classmap-only", "^1.0", "", true, 9, List.of()),
                dep(file, "example/not-locked", "~2.1", "", true, 10, List.of()),
                dep(file, "phpunit/phpunit", "^9.5", "dev", false, 13, List.of("PHPUnit/Framework", "PHPUnit")),
                dep(file, "lib-pcre", ">=10", "dev,platform", false, 14, List.of())),
                reader.read(file));
    }

    @Test
    void withoutALockNoDependencyHasKeys() throws Exception {
        Path file = write("composer.json", COMPOSER_JSON);
        List<DeclaredDependency> deps = reader.read(file);
        assertEquals(9, deps.size());
        assertTrue(deps.stream().allMatch(d -> d.mappingKeys().isEmpty()), deps.toString());
        assertEquals(dep(file, "symfony/console", "^6.2", "", true, 6, List.of()), deps.get(2));
    }

    @Test
    void noRequireIsNoDependency() throws Exception {
        assertEquals(List.of(), reader.read(write("composer.json", "{\"name\": \"example/empty\"}")));
    }

    @Test
    void acceptsComposerJsonOnly() throws Exception {
        assertTrue(reader.accepts(Path.of("project", "composer.json")));
        assertFalse(reader.accepts(Path.of("composer.lock")));
        assertFalse(reader.accepts(Path.of("Composer.json")));
        write("composer.json", COMPOSER_JSON);
        write("composer.lock", COMPOSER_LOCK);
        assertEquals(List.of(dir.resolve("composer.json")), Manifests.find(List.of(dir)));
        assertEquals(9, Manifests.read(dir.resolve("composer.json")).dependencies().size());
    }

    @Test
    void platformNames() {
        for (String name : List.of("php", "PHP", "php-64bit", "php-ipv6", "hhvm", "ext-json", "ext-pdo_mysql",
                "lib-icu-uc", "lib-pcre", "composer", "composer-plugin-api", "composer-runtime-api")) {
            assertTrue(ComposerReader.isPlatform(name), name);
        }
        for (String name : List.of("php/php", "phpunit/phpunit", "ext-", "extension", "composer/semver",
                "composer-api", "php-parser", "library")) {
            assertFalse(ComposerReader.isPlatform(name), name);
        }
    }

    @Test
    void namespacesAsDebianPaths() {
        assertEquals("Symfony/Component/Console", ComposerReader.namespacePath("Symfony\\Component\\Console\\"));
        assertEquals("PhpParser", ComposerReader.namespacePath("PhpParser\\"));
        assertEquals("PhpParser", ComposerReader.namespacePath("PhpParser"));
        assertEquals("Twig", ComposerReader.namespacePath("Twig_"));
        assertEquals("", ComposerReader.namespacePath(""));
        assertEquals("Foo/Bar", ComposerReader.namespacePath("\\Foo\\Bar\\"));
    }

    @Test
    void malformedComposerJsonNamesFileAndLine() throws Exception {
        Path syntax = write("composer.json", "{\n  \"require\": {\n    \"a/b\": \"^1.0\",\n  }\n}\n");
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> reader.read(syntax));
        assertEquals(syntax.toString(), e.source());
        assertEquals(4, e.line());

        Path notObject = write("composer.json", "{\n  \"name\": \"x/y\",\n  \"require\": [\"a/b\"]\n}\n");
        e = assertThrows(MalformedInputException.class, () -> reader.read(notObject));
        assertEquals(notObject + ":3: \"require\" is an array; expected an object of package names and constraints",
                e.getMessage());

        Path notString = write("composer.json", "{\"require-dev\": {\n  \"a/b\": \"^1.0\",\n  \"c/d\": 2\n}}");
        e = assertThrows(MalformedInputException.class, () -> reader.read(notString));
        assertEquals(notString + ":3: dependency \"c/d\" is a number; expected a version constraint string",
                e.getMessage());

        Path emptyName = write("composer.json", "{\"require\": {\"\": \"^1.0\"}}");
        e = assertThrows(MalformedInputException.class, () -> reader.read(emptyName));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("expected vendor/package"), e.getMessage());

        Path array = write("composer.json", "[]");
        e = assertThrows(MalformedInputException.class, () -> reader.read(array));
        assertTrue(e.getMessage().endsWith("top-level value is an array; expected an object"), e.getMessage());
    }

    @Test
    void malformedLockNamesTheLockFile() throws Exception {
        Path file = write("composer.json", COMPOSER_JSON);
        Path lock = write("composer.lock", "{\n  \"packages\": {}\n}");
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> reader.read(file));
        assertEquals(lock + ":2: \"packages\" is an object; expected an array of packages", e.getMessage());

        write("composer.lock", "{\"packages\": [\n  {\"version\": \"1.0\"}\n]}");
        e = assertThrows(MalformedInputException.class, () -> reader.read(file));
        assertEquals(lock.toString(), e.source());
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("expected a \"name\" string"), e.getMessage());

        write("composer.lock", "{\"packages\": [\n  {\"name\": \"a/b\"");
        e = assertThrows(MalformedInputException.class, () -> reader.read(file));
        assertEquals(lock.toString(), e.source());
    }
}
