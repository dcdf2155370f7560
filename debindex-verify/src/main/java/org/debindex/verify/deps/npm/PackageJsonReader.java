package org.debindex.verify.deps.npm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.debindex.core.MalformedInputException;
import org.debindex.verify.deps.DeclaredDependency;
import org.debindex.verify.deps.Ecosystem;
import org.debindex.verify.deps.ManifestReader;
import org.debindex.verify.deps.json.JsonReader;
import org.debindex.verify.deps.json.JsonValue;
import org.debindex.verify.deps.json.JsonValue.JsonObject;
import org.debindex.verify.deps.json.JsonValue.JsonString;

/**
 * Reads the dependencies of an npm {@code package.json}: {@code dependencies} (runtime),
 * {@code devDependencies} (scope {@code dev}, not runtime), {@code optionalDependencies} (scope
 * {@code optional}) and {@code peerDependencies} (scope {@code peer}), in the order of the file.
 *
 * <p>The requested text is the spec as written. Specs that do not name a registry version are
 * kept and marked: {@code npm:target@range} aliases declare {@code target} with {@code range}
 * (scope adds {@code alias}); git, URL, tarball, directory, {@code link:}, {@code file:},
 * {@code workspace:} and GitHub {@code owner/repo} specs keep the key as name and the spec as
 * requested (scope adds {@code url}). Dist-tags such as {@code latest} are kept as written; they
 * are no range and {@link NpmRange#parse} refuses them.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>Format: npm's package.json documentation, section "dependencies".
 */
public final class PackageJsonReader implements ManifestReader {

    /** The groups read, with their scope and whether they are needed at run time. */
    private record Group(String scope, boolean runtime) {}

    private static final Map<String, Group> GROUPS = Map.of(
            "dependencies", new Group("", true),
            "devDependencies", new Group("dev", false),
            "optionalDependencies", new Group("optional", true),
            "peerDependencies", new Group("peer", true));

    /** Creates a reader. */
    public PackageJsonReader() {
    }

    @Override
    public boolean accepts(Path file) {
        Path name = Objects.requireNonNull(file, "file").getFileName();
        return name != null && name.toString().equals("package.json");
    }

    @Override
    public List<DeclaredDependency> read(Path file) throws IOException, MalformedInputException {
        String source = file.toString();
        JsonValue root = JsonReader.read(file);
        if (!(root instanceof JsonObject object)) {
            throw new MalformedInputException(source, root.line(), -1,
                    "top-level value is " + article(root) + "; expected an object");
        }
        List<DeclaredDependency> out = new ArrayList<>();
        for (JsonValue.Member section : object.members().values()) {
            Group group = GROUPS.get(section.name());
            if (group == null) {
                continue;
            }
            if (!(section.value() instanceof JsonObject deps)) {
                throw new MalformedInputException(source, section.line(), -1, MalformedInputException.quote(section.name())
                        + " is " + article(section.value()) + "; expected an object of package names and ranges");
            }
            for (JsonValue.Member dep : deps.members().values()) {
                if (!(dep.value() instanceof JsonString spec)) {
                    throw new MalformedInputException(source, dep.line(), -1, "dependency "
                            + MalformedInputException.quote(dep.name()) + " is " + article(dep.value())
                            + "; expected a version range string");
                }
                if (dep.name().isEmpty()) {
                    throw new MalformedInputException(source, dep.line(), -1, "empty package name in "
                            + MalformedInputException.quote(section.name()) + "; expected a package name");
                }
                out.add(declared(source, dep.line(), group, dep.name(), spec.value()));
            }
        }
        return List.copyOf(out);
    }

    private static DeclaredDependency declared(String source, int line, Group group, String key, String spec)
            throws MalformedInputException {
        String name = key;
        String requested = spec;
        String kind = "";
        if (spec.startsWith("npm:")) {
            // npm-package-arg: the alias target may be scoped, so its version starts at the
            // first '@' after the first character
            String body = spec.substring(4);
            int at = body.indexOf('@', 1);
            name = at < 0 ? body : body.substring(0, at);
            requested = at < 0 ? "" : body.substring(at + 1);
            kind = "alias";
            if (name.isEmpty() || (name.startsWith("@") && name.indexOf('/') < 2)) { // a scope needs @scope/name
                throw new MalformedInputException(source, line, -1, "alias " + MalformedInputException.quote(spec)
                        + " of " + MalformedInputException.quote(key) + " names no package; expected npm:name@range");
            }
        } else if (isUrlOrPath(spec)) {
            kind = "url";
        }
        String scope = group.scope().isEmpty() ? kind : kind.isEmpty() ? group.scope() : group.scope() + "," + kind;
        return new DeclaredDependency(Ecosystem.NPM, name, requested,
                scope.isEmpty() ? Optional.empty() : Optional.of(scope), group.runtime(), source, line);
    }

    /**
     * Whether a spec names a location rather than a registry version: a range never contains
     * {@code :} or {@code /} (git+ssh, https, file:, link:, workspace:, github:, owner/repo,
     * ./dir, ~/dir), and tarballs end in .tgz, .tar.gz or .tar.
     */
    static boolean isUrlOrPath(String spec) {
        String s = spec.strip();
        return s.indexOf(':') >= 0 || s.indexOf('/') >= 0 || s.endsWith(".tgz") || s.endsWith(".tar.gz")
                || s.endsWith(".tar");
    }

    private static String article(JsonValue v) {
        return switch (v.kind()) {
            case "null" -> "null";
            case "array", "object" -> "an " + v.kind();
            default -> "a " + v.kind();
        };
    }
}
