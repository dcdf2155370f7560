package org.debindex.verify.deps.php;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.debindex.core.MalformedInputException;
import org.debindex.verify.deps.DeclaredDependency;
import org.debindex.verify.deps.Ecosystem;
import org.debindex.verify.deps.ManifestReader;
import org.debindex.verify.deps.json.JsonReader;
import org.debindex.verify.deps.json.JsonValue;
import org.debindex.verify.deps.json.JsonValue.JsonArray;
import org.debindex.verify.deps.json.JsonValue.JsonObject;
import org.debindex.verify.deps.json.JsonValue.JsonString;

/**
 * Reads the dependencies of a Composer {@code composer.json}: {@code require} (runtime) and
 * {@code require-dev} (scope {@code dev}, not runtime), in the order of the file, each on the line
 * of its key. Platform requirements ({@code php}, {@code php-64bit}, {@code hhvm}, {@code ext-*},
 * {@code lib-*}, {@code composer}, {@code composer-plugin-api}, {@code composer-runtime-api}) are
 * the interpreter and its extensions, not packages: their scope adds {@code platform}.
 *
 * <p>Debian installs a PHP library under {@code usr/share/php/<namespace path>/}, and no rule
 * derives that from the package name, so the reader looks for a {@code composer.lock} beside the
 * {@code composer.json}: a dependency's locked package (in {@code packages} or {@code
 * packages-dev}) gives its {@code autoload.psr-4} namespaces as {@link
 * DeclaredDependency#mappingKeys()} in path form ({@code Symfony\Component\Console\} →
 * {@code Symfony/Component/Console}); the empty namespace (a fallback directory) is no key. A
 * package with no PSR-4 namespace gives its {@code autoload.psr-0} prefixes the same way, a
 * trailing {@code _} of an old-style prefix ({@code Twig_}) dropped like a trailing backslash,
 * since PSR-0 maps both to directories; a {@code classmap}-only package gives none. Without a lock
 * file, or for a package the lock does not hold, the keys are empty.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>Format: Composer's documentation, "The composer.json schema" (sections require,
 * require-dev, autoload) and "Basic usage" (composer.lock); platform package names as Composer's
 * {@code PlatformRepository::PLATFORM_PACKAGE_REGEX}.
 */
public final class ComposerReader implements ManifestReader {

    /** The lock file Composer writes beside {@code composer.json}. */
    public static final String LOCK_FILE = "composer.lock";

    private static final Pattern PLATFORM = Pattern.compile(
            "php(?:-64bit|-ipv6|-zts|-debug)?|hhvm|(?:ext|lib)-[a-z0-9](?:[_.-]?[a-z0-9]+)*"
                    + "|composer(?:-(?:plugin|runtime)-api)?", Pattern.CASE_INSENSITIVE);

    /** The groups read, with their scope and whether they are needed at run time. */
    private record Group(String scope, boolean runtime) {}

    private static final Map<String, Group> GROUPS = Map.of(
            "require", new Group("", true),
            "require-dev", new Group("dev", false));

    /** Creates a reader. */
    public ComposerReader() {
    }

    @Override
    public boolean accepts(Path file) {
        Path name = Objects.requireNonNull(file, "file").getFileName();
        return name != null && name.toString().equals("composer.json");
    }

    /**
     * {@inheritDoc}
     *
     * <p>Reads the {@code composer.lock} beside the file too, when there is one; an error in it is
     * reported with the lock file's name and line.
     */
    @Override
    public List<DeclaredDependency> read(Path file) throws IOException, MalformedInputException {
        String source = file.toString();
        JsonObject root = object(JsonReader.read(file), source, "top-level value", "an object");
        Path lock = file.resolveSibling(LOCK_FILE);
        Map<String, List<String>> namespaces = Files.isRegularFile(lock) ? lockedNamespaces(lock) : Map.of();
        List<DeclaredDependency> out = new ArrayList<>();
        for (JsonValue.Member section : root.members().values()) {
            Group group = GROUPS.get(section.name());
            if (group == null) {
                continue;
            }
            if (!(section.value() instanceof JsonObject deps)) {
                throw new MalformedInputException(source, section.line(), -1, MalformedInputException.quote(section.name())
                        + " is " + article(section.value()) + "; expected an object of package names and constraints");
            }
            for (JsonValue.Member dep : deps.members().values()) {
                if (!(dep.value() instanceof JsonString constraint)) {
                    throw new MalformedInputException(source, dep.line(), -1, "dependency "
                            + MalformedInputException.quote(dep.name()) + " is " + article(dep.value())
                            + "; expected a version constraint string");
                }
                if (dep.name().isBlank()) {
                    throw new MalformedInputException(source, dep.line(), -1, "empty package name in "
                            + MalformedInputException.quote(section.name()) + "; expected vendor/package");
                }
                boolean platform = isPlatform(dep.name());
                String scope = platform ? (group.scope().isEmpty() ? "platform" : group.scope() + ",platform")
                        : group.scope();
                List<String> keys = platform ? List.of()
                        : namespaces.getOrDefault(dep.name().toLowerCase(Locale.ROOT), List.of());
                out.add(new DeclaredDependency(Ecosystem.COMPOSER, dep.name(), constraint.value(),
                        scope.isEmpty() ? Optional.empty() : Optional.of(scope), group.runtime(), source, dep.line(),
                        keys));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Whether a requirement names the PHP platform (the interpreter, an extension or a system
     * library, or Composer itself) rather than a package.
     *
     * @throws NullPointerException if {@code name} is null
     */
    public static boolean isPlatform(String name) {
        return PLATFORM.matcher(Objects.requireNonNull(name, "name")).matches();
    }

    /**
     * A namespace or prefix in Debian's path form: {@code Symfony\Component\Console\} as
     * {@code Symfony/Component/Console}; empty for the empty namespace.
     *
     * @throws NullPointerException if {@code namespace} is null
     */
    public static String namespacePath(String namespace) {
        String path = Objects.requireNonNull(namespace, "namespace").replace('\\', '/');
        int end = path.length();
        while (end > 0 && (path.charAt(end - 1) == '/' || path.charAt(end - 1) == '_')) {
            end--;
        }
        int start = 0;
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        return path.substring(start, end);
    }

    /** Package name (lower case) → its namespaces in path form, from both lists of the lock. */
    private static Map<String, List<String>> lockedNamespaces(Path lock) throws IOException, MalformedInputException {
        String source = lock.toString();
        JsonObject root = object(JsonReader.read(lock), source, "top-level value", "an object");
        Map<String, List<String>> out = new HashMap<>();
        for (String list : List.of("packages", "packages-dev")) {
            Optional<JsonValue> packages = root.get(list);
            if (packages.isEmpty() || packages.get() instanceof JsonValue.JsonNull) {
                continue;
            }
            if (!(packages.get() instanceof JsonArray array)) {
                throw new MalformedInputException(source, packages.get().line(), -1, MalformedInputException.quote(list)
                        + " is " + article(packages.get()) + "; expected an array of packages");
            }
            for (JsonValue element : array.elements()) {
                JsonObject pkg = object(element, source, "a package in " + MalformedInputException.quote(list),
                        "an object with a name");
                if (!(pkg.get("name").orElse(null) instanceof JsonString name) || name.value().isBlank()) {
                    throw new MalformedInputException(source, pkg.line(), -1, "a package in "
                            + MalformedInputException.quote(list) + " has no name; expected a \"name\" string");
                }
                out.putIfAbsent(name.value().toLowerCase(Locale.ROOT), namespaces(pkg));
            }
        }
        return out;
    }

    /** PSR-4 namespaces in path form, else PSR-0 prefixes; each once, in file order. */
    private static List<String> namespaces(JsonObject pkg) {
        Optional<JsonValue> autoload = pkg.get("autoload");
        if (autoload.isEmpty() || !(autoload.get() instanceof JsonObject rules)) {
            // Composer writes an empty autoload as [] (a PHP empty array)
            return List.of();
        }
        for (String standard : List.of("psr-4", "psr-0")) {
            Optional<JsonValue> map = rules.get(standard);
            if (map.isEmpty() || !(map.get() instanceof JsonObject prefixes)) {
                continue;
            }
            Set<String> keys = new LinkedHashSet<>();
            for (String prefix : prefixes.members().keySet()) {
                String path = namespacePath(prefix);
                if (!path.isEmpty()) {
                    keys.add(path);
                }
            }
            if (!keys.isEmpty()) {
                return List.copyOf(keys);
            }
        }
        return List.of();
    }

    private static JsonObject object(JsonValue value, String source, String what, String expected)
            throws MalformedInputException {
        if (value instanceof JsonObject o) {
            return o;
        }
        throw new MalformedInputException(source, value.line(), -1, what + " is " + article(value)
                + "; expected " + expected);
    }

    private static String article(JsonValue v) {
        return switch (v.kind()) {
            case "null" -> "null";
            case "array", "object" -> "an " + v.kind();
            default -> "a " + v.kind();
        };
    }
}
