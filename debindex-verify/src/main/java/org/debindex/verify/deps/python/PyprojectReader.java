package org.debindex.verify.deps.python;

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
import org.debindex.verify.deps.toml.TomlReader;
import org.debindex.verify.deps.toml.TomlValue;

/**
 * Reads the dependencies a {@code pyproject.toml} declares, each with the line of its own string
 * or key.
 *
 * <ul>
 *   <li>PEP 621 {@code [project] dependencies}: runtime, no scope;
 *       {@code [project.optional-dependencies]} group G: scope {@code optional:G}, not runtime.</li>
 *   <li>PEP 735 {@code [dependency-groups]} group G: scope {@code group:G}, not runtime;
 *       {@code {include-group = "H"}} entries are checked to name a group and not repeated, H's
 *       dependencies being reported under H.</li>
 *   <li>Poetry {@code [tool.poetry.dependencies]} (runtime; {@code python} is the interpreter and
 *       skipped; {@code optional = true} gives scope {@code optional}, not runtime),
 *       {@code [tool.poetry.group.G.dependencies]} and the older {@code [tool.poetry.dev-dependencies]}
 *       (scope {@code group:G} and {@code group:dev}, not runtime). Poetry constraints ({@code ^1.2},
 *       {@code ~1.2}, {@code >=1,<2}) are kept as written, {@code *} as empty; git, url and path
 *       sources give an empty requirement and scope {@code url} or {@code path}.</li>
 * </ul>
 *
 * <p>PEP 508 strings follow {@link Pep508Requirement}: markers are kept in the scope, not
 * evaluated. Immutable and thread-safe.
 *
 * @see "pyproject.toml specification"
 * @see "PEP 735"
 */
public final class PyprojectReader implements ManifestReader {

    private final TomlReader toml = new TomlReader();

    @Override
    public boolean accepts(Path file) {
        Objects.requireNonNull(file, "file");
        Path name = file.getFileName();
        return name != null && name.toString().equals("pyproject.toml");
    }

    @Override
    public List<DeclaredDependency> read(Path file) throws IOException, MalformedInputException {
        Objects.requireNonNull(file, "file");
        String source = file.toString();
        TomlValue.Table root = toml.read(file);
        List<DeclaredDependency> out = new ArrayList<>();
        Optional<TomlValue.Table> project = root.table("project");
        if (project.isPresent()) {
            Optional<TomlValue> deps = project.get().get("dependencies");
            if (deps.isPresent()) {
                pep508Array(source, "project.dependencies", deps.get(), Optional.empty(), true, out);
            }
            Optional<TomlValue> optional = project.get().get("optional-dependencies");
            if (optional.isPresent()) {
                for (Map.Entry<String, TomlValue> g : table(source, "project.optional-dependencies", optional.get())
                        .entries().entrySet()) {
                    pep508Array(source, "project.optional-dependencies." + g.getKey(), g.getValue(),
                            Optional.of("optional:" + g.getKey()), false, out);
                }
            }
        } else if (root.get("project").isPresent()) {
            throw wrongType(source, root.get("project").get(), "project", "a table");
        }
        Optional<TomlValue> groups = root.get("dependency-groups");
        if (groups.isPresent()) {
            TomlValue.Table t = table(source, "dependency-groups", groups.get());
            for (Map.Entry<String, TomlValue> g : t.entries().entrySet()) {
                dependencyGroup(source, t, g.getKey(), g.getValue(), out);
            }
        }
        Optional<TomlValue.Table> poetry = root.table("tool", "poetry");
        if (poetry.isPresent()) {
            poetryTable(source, poetry.get(), "dependencies", Optional.empty(), true, out);
            poetryTable(source, poetry.get(), "dev-dependencies", Optional.of("group:dev"), false, out);
            Optional<TomlValue> pg = poetry.get().get("group");
            if (pg.isPresent()) {
                for (Map.Entry<String, TomlValue> g : table(source, "tool.poetry.group", pg.get()).entries().entrySet()) {
                    TomlValue.Table gt = table(source, "tool.poetry.group." + g.getKey(), g.getValue());
                    poetryTable(source, gt, "dependencies", Optional.of("group:" + g.getKey()), false, out);
                }
            }
        }
        return List.copyOf(out);
    }

    private static void dependencyGroup(String source, TomlValue.Table groups, String name, TomlValue value,
                                        List<DeclaredDependency> out) throws MalformedInputException {
        if (!(value instanceof TomlValue.Array a)) {
            throw wrongType(source, value, "dependency-groups." + name, "an array");
        }
        for (TomlValue item : a.items()) {
            if (item instanceof TomlValue.Table inc) {
                Optional<TomlValue> target = inc.get("include-group");
                if (inc.entries().size() != 1 || !(target.orElse(null) instanceof TomlValue.Str s)) {
                    throw wrongType(source, item, "dependency-groups." + name, "a string or {include-group = \"name\"}");
                }
                boolean found = groups.entries().keySet().stream().anyMatch(k -> Pep503.normalize(k).equals(Pep503.normalize(s.value())));
                if (!found) {
                    throw new MalformedInputException(source, item.line(), -1, "dependency group "
                            + MalformedInputException.quote(name) + " includes unknown group "
                            + MalformedInputException.quote(s.value()));
                }
            } else {
                pep508(source, "dependency-groups." + name, item, Optional.of("group:" + name), false, out);
            }
        }
    }

    private static void pep508Array(String source, String key, TomlValue value, Optional<String> scope, boolean runtime,
                                    List<DeclaredDependency> out) throws MalformedInputException {
        if (!(value instanceof TomlValue.Array a)) {
            throw wrongType(source, value, key, "an array of PEP 508 strings");
        }
        for (TomlValue item : a.items()) {
            pep508(source, key, item, scope, runtime, out);
        }
    }

    private static void pep508(String source, String key, TomlValue item, Optional<String> scope, boolean runtime,
                               List<DeclaredDependency> out) throws MalformedInputException {
        if (!(item instanceof TomlValue.Str s)) {
            throw wrongType(source, item, key, "a PEP 508 string");
        }
        Pep508Requirement r;
        try {
            r = Pep508Requirement.parse(s.value());
        } catch (MalformedInputException e) {
            throw e.at(source, item.line(), -1);
        }
        Optional<String> sc = join(scope, r.scope());
        out.add(new DeclaredDependency(Ecosystem.PYPI, r.name(), r.url().isPresent() ? "" : r.specifiers(), sc, runtime,
                source, item.line()));
    }

    private static Optional<String> join(Optional<String> a, Optional<String> b) {
        if (a.isPresent() && b.isPresent()) {
            return Optional.of(a.get() + "; " + b.get());
        }
        return a.isPresent() ? a : b;
    }

    private static void poetryTable(String source, TomlValue.Table poetry, String key, Optional<String> scope,
                                    boolean runtime, List<DeclaredDependency> out) throws MalformedInputException {
        Optional<TomlValue> v = poetry.get(key);
        if (v.isEmpty()) {
            return;
        }
        for (Map.Entry<String, TomlValue> e : table(source, "tool.poetry." + key, v.get()).entries().entrySet()) {
            if (runtime && e.getKey().equals("python")) {
                continue;
            }
            TomlValue spec = e.getValue();
            if (spec instanceof TomlValue.Array multiple) {
                // several constraints for different markers: one dependency each
                for (TomlValue item : multiple.items()) {
                    poetryDependency(source, e.getKey(), item, scope, runtime, out);
                }
            } else {
                poetryDependency(source, e.getKey(), spec, scope, runtime, out);
            }
        }
    }

    private static void poetryDependency(String source, String name, TomlValue spec, Optional<String> scope,
                                         boolean runtime, List<DeclaredDependency> out) throws MalformedInputException {
        String where = "tool.poetry dependency " + name;
        if (spec instanceof TomlValue.Str s) {
            out.add(new DeclaredDependency(Ecosystem.PYPI, name, constraint(s.value()), scope, runtime, source, s.line()));
            return;
        }
        if (!(spec instanceof TomlValue.Table t)) {
            throw wrongType(source, spec, where, "a version string or a table");
        }
        String requested = "";
        Optional<String> sc = scope;
        boolean rt = runtime;
        Optional<TomlValue> version = t.get("version");
        if (version.isPresent()) {
            if (!(version.get() instanceof TomlValue.Str vs)) {
                throw wrongType(source, version.get(), where + " version", "a string");
            }
            requested = constraint(vs.value());
        } else if (t.get("git").isPresent() || t.get("url").isPresent()) {
            sc = join(sc, Optional.of("url"));
        } else if (t.get("path").isPresent()) {
            sc = join(sc, Optional.of("path"));
        }
        Optional<TomlValue> optional = t.get("optional");
        if (optional.isPresent()) {
            if (!(optional.get() instanceof TomlValue.Bool b)) {
                throw wrongType(source, optional.get(), where + " optional", "a boolean");
            }
            if (b.value()) {
                sc = join(sc, Optional.of("optional"));
                rt = false;
            }
        }
        Optional<TomlValue> markers = t.get("markers");
        if (markers.isPresent()) {
            if (!(markers.get() instanceof TomlValue.Str m)) {
                throw wrongType(source, markers.get(), where + " markers", "a string");
            }
            sc = join(sc, Optional.of("marker:" + m.value()));
        }
        out.add(new DeclaredDependency(Ecosystem.PYPI, name, requested, sc, rt, source, spec.line()));
    }

    private static String constraint(String poetry) {
        String c = poetry.strip();
        return c.equals("*") ? "" : c;
    }

    private static TomlValue.Table table(String source, String key, TomlValue v) throws MalformedInputException {
        if (v instanceof TomlValue.Table t) {
            return t;
        }
        throw wrongType(source, v, key, "a table");
    }

    private static MalformedInputException wrongType(String source, TomlValue v, String key, String expected) {
        String kind = v instanceof TomlValue.Table ? "a table" : v instanceof TomlValue.Array ? "an array"
                : v instanceof TomlValue.Str ? "a string" : v instanceof TomlValue.Int ? "an integer"
                : v instanceof TomlValue.Float ? "a float" : v instanceof TomlValue.Bool ? "a boolean" : "a date";
        return new MalformedInputException(source, v.line(), -1, MalformedInputException.quote(key) + " is " + kind
                + "; expected " + expected);
    }
}
