package org.debindex.verify.deps.cargo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.debindex.core.MalformedInputException;
import org.debindex.verify.deps.DeclaredDependency;
import org.debindex.verify.deps.Ecosystem;
import org.debindex.verify.deps.ManifestReader;
import org.debindex.verify.deps.toml.TomlReader;
import org.debindex.verify.deps.toml.TomlValue;

/**
 * Reads the dependencies of a Rust {@code Cargo.toml}, each with the line of its key (of its
 * {@code [dependencies.NAME]} header for that form), ordered by line.
 *
 * <ul>
 *   <li>{@code [dependencies]} is runtime; {@code [dev-dependencies]} scope {@code dev} and
 *       {@code [build-dependencies]} scope {@code build}, neither runtime (Cargo's older
 *       {@code dev_dependencies}, {@code build_dependencies} too); the same tables under
 *       {@code [target.CFG]} add scope {@code target:CFG}.</li>
 *   <li>{@code name = "1.0"} requests {@code 1.0} ({@link CargoRequirement}). A table may say
 *       {@code version}, {@code features} (scope {@code features:a+b}, sorted),
 *       {@code default-features = false} ({@code no-default-features}), {@code optional = true}
 *       ({@code optional}), {@code package = "real"} (the dependency is on crate {@code real}),
 *       {@code git} (scope {@code url}) or {@code path} (scope {@code path}): a git or path
 *       dependency keeps any {@code version} it gives, which Cargo uses only when publishing.</li>
 *   <li>{@code workspace = true} inherits from {@code [workspace.dependencies]} of the nearest
 *       {@code Cargo.toml} with a {@code [workspace]} table, starting with the file itself and
 *       walking up its parent directories (or the one {@code package.workspace} names); features
 *       add up, {@code optional} is the member's. With no workspace root the dependency is kept
 *       with an empty requirement and scope {@code workspace-unresolved}.</li>
 *   <li>A virtual manifest ({@code [workspace]} and no {@code [package]}) declares none of its
 *       own: its {@code [workspace.dependencies]} are only what members may inherit.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * <p>Format: The Cargo Book, "The Manifest Format", "Specifying Dependencies" and "Workspaces".
 */
public final class CargoTomlReader implements ManifestReader {

    /** Largest Cargo.toml read (the file and each workspace root), in bytes. */
    public static final int MAX_SIZE = 4 << 20;

    /** The dependency tables, their scope token and whether they are needed at run time. */
    private record Kind(String key, String scope, boolean runtime) {}

    private static final List<Kind> KINDS = List.of(new Kind("dependencies", "", true),
            new Kind("dev-dependencies", "dev", false), new Kind("dev_dependencies", "dev", false),
            new Kind("build-dependencies", "build", false), new Kind("build_dependencies", "build", false));

    private final TomlReader toml = new TomlReader(TomlReader.DEFAULT_MAX_DEPTH, MAX_SIZE);

    /** Creates a reader. */
    public CargoTomlReader() {
    }

    @Override
    public boolean accepts(Path file) {
        Path name = Objects.requireNonNull(file, "file").getFileName();
        return name != null && name.toString().equals("Cargo.toml");
    }

    @Override
    public List<DeclaredDependency> read(Path file) throws IOException, MalformedInputException {
        Objects.requireNonNull(file, "file");
        String source = file.toString();
        TomlValue.Table root = toml.read(file);
        if (root.get("package").isEmpty() && root.get("project").isEmpty() && root.get("workspace").isPresent()) {
            return List.of(); // a virtual manifest
        }
        Workspace workspace = new Workspace(file, root);
        List<DeclaredDependency> out = new ArrayList<>();
        for (Kind kind : KINDS) {
            section(source, root, kind, "", workspace, out);
        }
        Optional<TomlValue> targets = root.get("target");
        if (targets.isPresent()) {
            for (Map.Entry<String, TomlValue> t : table(source, "target", targets.get()).entries().entrySet()) {
                TomlValue.Table target = table(source, "target." + t.getKey(), t.getValue());
                for (Kind kind : KINDS) {
                    section(source, target, kind, "target:" + escape(t.getKey(), false), workspace, out);
                }
            }
        }
        out.sort(Comparator.comparingInt(DeclaredDependency::line)); // stable: keeps a line's order
        return List.copyOf(out);
    }

    private void section(String source, TomlValue.Table parent, Kind kind, String target, Workspace workspace,
                         List<DeclaredDependency> out) throws IOException, MalformedInputException {
        Optional<TomlValue> value = parent.get(kind.key());
        if (value.isEmpty()) {
            return;
        }
        for (Map.Entry<String, TomlValue> dep : table(source, kind.key(), value.get()).entries().entrySet()) {
            out.add(dependency(source, kind, target, dep.getKey(), dep.getValue(), workspace));
        }
    }

    /** What one dependency entry says, before it becomes a {@link DeclaredDependency}. */
    private record Spec(String name, String version, TreeSet<String> features, boolean noDefaultFeatures,
                        boolean optional, String source) {}

    private DeclaredDependency dependency(String source, Kind kind, String target, String key, TomlValue value,
                                          Workspace workspace) throws IOException, MalformedInputException {
        int line = value.line();
        Spec spec;
        boolean unresolved = false;
        if (value instanceof TomlValue.Table t && t.get("workspace").isPresent()) {
            if (!(t.get("workspace").get() instanceof TomlValue.Bool b) || !b.value()) {
                throw new MalformedInputException(source, line, -1, "dependency " + MalformedInputException.quote(key)
                        + " has workspace = " + describe(t.get("workspace").get()) + "; expected workspace = true");
            }
            for (String forbidden : List.of("version", "git", "path", "package", "registry")) {
                if (t.get(forbidden).isPresent()) {
                    throw new MalformedInputException(source, line, -1, "dependency " + MalformedInputException.quote(key)
                            + " inherits from the workspace but also sets " + forbidden
                            + "; expected only features and optional beside workspace = true");
                }
            }
            Spec member = spec(source, key, t, line);
            Optional<Spec> inherited = workspace.dependency(key, source, line);
            if (inherited.isPresent()) {
                TreeSet<String> features = new TreeSet<>(inherited.get().features());
                features.addAll(member.features());
                spec = new Spec(inherited.get().name(), inherited.get().version(), features,
                        inherited.get().noDefaultFeatures(), member.optional(), inherited.get().source());
            } else {
                spec = member;
                unresolved = true;
            }
        } else {
            spec = spec(source, key, value, line);
        }
        List<String> tokens = new ArrayList<>();
        if (!kind.scope().isEmpty()) {
            tokens.add(kind.scope());
        }
        if (!target.isEmpty()) {
            tokens.add(target);
        }
        if (spec.optional()) {
            tokens.add("optional");
        }
        if (!spec.features().isEmpty()) {
            tokens.add("features:" + String.join("+", spec.features().stream().map(f -> escape(f, true)).toList()));
        }
        if (spec.noDefaultFeatures()) {
            tokens.add("no-default-features");
        }
        if (!spec.source().isEmpty()) {
            tokens.add(spec.source());
        }
        if (unresolved) {
            tokens.add("workspace-unresolved");
        }
        return new DeclaredDependency(Ecosystem.CARGO, spec.name(), spec.version(),
                tokens.isEmpty() ? Optional.empty() : Optional.of(String.join(",", tokens)), kind.runtime(), source, line);
    }

    /** Reads a string or table entry (also an entry of {@code [workspace.dependencies]}). */
    private static Spec spec(String source, String key, TomlValue value, int line) throws MalformedInputException {
        if (value instanceof TomlValue.Str s) {
            return new Spec(key, requirement(source, key, s.value(), line), new TreeSet<>(), false, false, "");
        }
        if (!(value instanceof TomlValue.Table t)) {
            throw new MalformedInputException(source, line, -1, "dependency " + MalformedInputException.quote(key)
                    + " is " + describe(value) + "; expected a version string or a table");
        }
        Optional<String> written = string(source, key, t, "version");
        String version = written.isPresent() ? requirement(source, key, written.get(), line) : "";
        String name = string(source, key, t, "package").orElse(key);
        if (name.isEmpty()) {
            throw new MalformedInputException(source, line, -1, "dependency " + MalformedInputException.quote(key)
                    + " has an empty package; expected the crate's name");
        }
        String from = string(source, key, t, "git").isPresent() ? "url"
                : string(source, key, t, "path").isPresent() ? "path" : "";
        TreeSet<String> features = new TreeSet<>();
        Optional<TomlValue> f = t.get("features");
        if (f.isPresent()) {
            if (!(f.get() instanceof TomlValue.Array a)) {
                throw wrongType(source, key, "features", f.get(), "an array of strings");
            }
            for (TomlValue item : a.items()) {
                if (!(item instanceof TomlValue.Str s)) {
                    throw wrongType(source, key, "features", item, "an array of strings");
                }
                features.add(s.value());
            }
        }
        boolean defaultFeatures = bool(source, key, t, "default-features")
                .orElse(bool(source, key, t, "default_features").orElse(true));
        boolean optional = bool(source, key, t, "optional").orElse(false);
        return new Spec(name, version, features, !defaultFeatures, optional, from);
    }

    /** The requirement as written, once it is known to parse: Cargo refuses the manifest otherwise. */
    private static String requirement(String source, String key, String text, int line) throws MalformedInputException {
        try {
            CargoRequirement.parse(text);
        } catch (MalformedInputException e) {
            throw new MalformedInputException(source, line, -1, "dependency " + MalformedInputException.quote(key)
                    + ": " + e.problem() + "; expected a requirement such as \"1.2\", \"^0.3\", \">=1, <2\"", e);
        }
        return text;
    }

    private static Optional<String> string(String source, String key, TomlValue.Table t, String field)
            throws MalformedInputException {
        Optional<TomlValue> v = t.get(field);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (!(v.get() instanceof TomlValue.Str s)) {
            throw wrongType(source, key, field, v.get(), "a string");
        }
        return Optional.of(s.value());
    }

    private static Optional<Boolean> bool(String source, String key, TomlValue.Table t, String field)
            throws MalformedInputException {
        Optional<TomlValue> v = t.get(field);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (!(v.get() instanceof TomlValue.Bool b)) {
            throw wrongType(source, key, field, v.get(), "true or false");
        }
        return Optional.of(b.value());
    }

    private static MalformedInputException wrongType(String source, String key, String field, TomlValue v,
                                                     String expected) {
        return new MalformedInputException(source, v.line(), -1, MalformedInputException.quote(field) + " of dependency "
                + MalformedInputException.quote(key) + " is " + describe(v) + "; expected " + expected);
    }

    private static TomlValue.Table table(String source, String key, TomlValue v) throws MalformedInputException {
        if (!(v instanceof TomlValue.Table t)) {
            throw new MalformedInputException(source, v.line(), -1, MalformedInputException.quote(key) + " is "
                    + describe(v) + "; expected a table");
        }
        return t;
    }

    private static String describe(TomlValue v) {
        if (v instanceof TomlValue.Bool b) {
            return b.value() ? "true" : "false";
        }
        return v instanceof TomlValue.Table ? "a table" : v instanceof TomlValue.Array ? "an array"
                : v instanceof TomlValue.Str ? "a string" : v instanceof TomlValue.Int ? "an integer"
                : v instanceof TomlValue.Float ? "a float" : "a date";
    }

    /**
     * The features a dependency asks for, decoded from its {@code features:} scope token; none
     * when it has no such token.
     *
     * @throws NullPointerException if {@code dependency} is null
     */
    public static List<String> features(DeclaredDependency dependency) {
        for (String token : dependency.scope().orElse("").split("[,;] ?")) {
            if (token.startsWith("features:")) {
                List<String> out = new java.util.ArrayList<>();
                for (String f : token.substring("features:".length()).split("\\+")) {
                    if (!f.isEmpty()) {
                        out.add(java.net.URLDecoder.decode(f.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
                return List.copyOf(out);
            }
        }
        return List.of();
    }

    /**
     * Percent-encodes what would split a scope token ({@code ,} {@code ;}) or, in a feature list,
     * the features ({@code +}); {@code %} itself so that the encoding can be undone.
     */
    static String escape(String s, boolean plus) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '%' -> b.append("%25");
                case ',' -> b.append("%2C");
                case ';' -> b.append("%3B");
                case '+' -> b.append(plus ? "%2B" : "+");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** The workspace root of one manifest, looked for once and only when a dependency inherits. */
    private final class Workspace {
        private final Path file;
        private final TomlValue.Table self;
        private boolean searched;
        private Path rootFile;
        private TomlValue.Table root;

        Workspace(Path file, TomlValue.Table self) {
            this.file = file;
            this.self = self;
        }

        /**
         * The inherited entry; empty when there is no workspace root.
         *
         * @throws MalformedInputException if the root does not declare the dependency, or is invalid
         */
        Optional<Spec> dependency(String key, String source, int line) throws IOException, MalformedInputException {
            if (!searched) {
                searched = true;
                find();
            }
            if (root == null) {
                return Optional.empty();
            }
            Optional<TomlValue> deps = root.table("workspace").flatMap(w -> w.get("dependencies"));
            Optional<TomlValue> entry = deps.isPresent()
                    ? table(rootFile.toString(), "workspace.dependencies", deps.get()).get(key) : Optional.empty();
            if (entry.isEmpty()) {
                throw new MalformedInputException(source, line, -1, "dependency " + MalformedInputException.quote(key)
                        + " inherits from the workspace, but " + MalformedInputException.quote(rootFile.toString())
                        + " does not declare it; expected it in [workspace.dependencies]");
            }
            return Optional.of(spec(rootFile.toString(), key, entry.get(), entry.get().line()));
        }

        private void find() throws IOException, MalformedInputException {
            Path abs = file.toAbsolutePath().normalize();
            if (self.get("workspace").isPresent()) {
                rootFile = file;
                root = self;
                return;
            }
            Optional<TomlValue> explicit = self.table("package").flatMap(p -> p.get("workspace"));
            if (explicit.isPresent()) {
                if (!(explicit.get() instanceof TomlValue.Str s)) {
                    throw new MalformedInputException(file.toString(), explicit.get().line(), -1,
                            "package.workspace is " + describe(explicit.get()) + "; expected a path string");
                }
                Path candidate = abs.getParent().resolve(s.value()).resolve("Cargo.toml").normalize();
                if (Files.isRegularFile(candidate)) {
                    TomlValue.Table t = toml.read(candidate);
                    if (t.get("workspace").isPresent()) {
                        rootFile = candidate;
                        root = t;
                    }
                }
                return;
            }
            for (Path dir = abs.getParent().getParent(); dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve("Cargo.toml");
                if (Files.isRegularFile(candidate)) {
                    TomlValue.Table t = toml.read(candidate);
                    if (t.get("workspace").isPresent()) {
                        rootFile = candidate;
                        root = t;
                        return;
                    }
                }
            }
        }
    }
}
