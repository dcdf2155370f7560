package org.debindex.verify.deps.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.debindex.core.MalformedInputException;

/**
 * The effective model of POMs in one tree, as far as the tree itself tells it: parents through
 * {@code <relativePath>}, imported BOMs among the modules of the topmost parent. One instance
 * serves one {@link PomReader#read} call; not thread-safe.
 */
final class PomResolution {

    /** Longer parent chains than this are a loop that the path check missed, or a mistake. */
    static final int MAX_PARENTS = 64;

    /** A managed version or scope, interpolated, and where it is written. */
    record Managed(Optional<Pom.Text> version, Optional<Pom.Text> scope, Optional<Pom.Text> optional) {
    }

    /** A POM with its parents merged in and its imports applied. */
    record Effective(Pom pom, List<Pom> chain, Interpolation interpolation, Map<String, Managed> managed,
                     List<String> missing) {
    }

    private final Map<Path, Pom> parsed = new HashMap<>();
    private final Set<Path> building = new HashSet<>();
    private Path top;
    private Map<String, Path> index;

    Pom pom(Path file) throws IOException, MalformedInputException {
        Path key = file.toAbsolutePath().normalize();
        Pom pom = parsed.get(key);
        if (pom == null) {
            pom = Pom.read(file, file.toString());
            parsed.put(key, pom);
        }
        return pom;
    }

    Effective effective(Path file) throws IOException, MalformedInputException {
        Path key = file.toAbsolutePath().normalize();
        Pom pom = pom(file);
        if (!building.add(key)) {
            throw new MalformedInputException(pom.source(), -1, -1,
                    "imports itself through a BOM; expected no import cycle");
        }
        try {
            return build(pom);
        } finally {
            building.remove(key);
        }
    }

    private Effective build(Pom pom) throws IOException, MalformedInputException {
        List<Pom> chain = new ArrayList<>(List.of(pom));
        List<String> missing = new ArrayList<>();
        Set<Path> seen = new HashSet<>(List.of(pom.file().toAbsolutePath().normalize()));
        Pom child = pom;
        while (child.parent().isPresent()) {
            Pom.Parent ref = child.parent().get();
            Optional<Path> found = parentFile(child, ref);
            Optional<Pom> parent = Optional.empty();
            if (found.isPresent()) {
                Pom candidate = pom(found.get());
                if (matches(candidate, ref)) {
                    parent = Optional.of(candidate);
                }
            }
            if (parent.isEmpty()) {
                missing.add("parent " + ref.coordinates() + " is not in the tree");
                break;
            }
            if (!seen.add(parent.get().file().toAbsolutePath().normalize()) || chain.size() >= MAX_PARENTS) {
                throw new MalformedInputException(child.source(), ref.line(), -1, "parent " + ref.coordinates()
                        + " is its own ancestor; expected a chain of parents that ends");
            }
            chain.add(parent.get());
            child = parent.get();
        }
        if (top == null) {
            top = chain.get(chain.size() - 1).file();
        }

        Map<String, Pom.Text> properties = new HashMap<>();
        for (int i = chain.size() - 1; i >= 0; i--) {
            properties.putAll(chain.get(i).properties());
        }
        Interpolation interpolation = new Interpolation(modelValues(pom), properties);

        // the child's entry wins over a parent's; an import adds only what is not managed yet
        Map<String, Managed> managed = new LinkedHashMap<>();
        List<Pom.Dependency> imports = new ArrayList<>();
        for (Pom p : chain) {
            for (Pom.Dependency d : p.managed()) {
                Optional<Pom.Text> scope = resolve(interpolation, d.scope());
                if (scope.isPresent() && scope.get().value().equals("import")) {
                    imports.add(d);
                    continue;
                }
                managed.putIfAbsent(key(interpolation, d), new Managed(resolve(interpolation, d.version()), scope,
                        resolve(interpolation, d.optional())));
            }
        }
        for (Pom.Dependency d : imports) {
            String g = interpolation.resolve(d.groupId().value(), d.source(), d.line()).value();
            String a = interpolation.resolve(d.artifactId().value(), d.source(), d.line()).value();
            String v = resolve(interpolation, d.version()).map(Pom.Text::value).orElse("");
            String coordinates = g + ":" + a + ":" + v;
            Optional<Path> bom = v.isEmpty() || v.contains("${") ? Optional.empty() : find(coordinates);
            if (bom.isEmpty()) {
                missing.add("imported BOM " + coordinates + " is not in the tree");
                continue;
            }
            if (building.contains(bom.get().toAbsolutePath().normalize())) {
                throw new MalformedInputException(d.source(), d.line(), -1, "imported BOM " + coordinates
                        + " imports itself, through its parents or their imports; expected no import cycle");
            }
            Effective imported = effective(bom.get());
            imported.managed().forEach(managed::putIfAbsent);
            missing.addAll(imported.missing());
        }
        return new Effective(pom, chain, interpolation, managed, missing);
    }

    /** The {@code groupId:artifactId:type:classifier} key Maven matches managed entries by. */
    static String key(Interpolation interpolation, Pom.Dependency d) throws MalformedInputException {
        return interpolation.resolve(d.groupId().value(), d.source(), d.line()).value() + ":"
                + interpolation.resolve(d.artifactId().value(), d.source(), d.line()).value() + ":"
                + resolve(interpolation, d.type()).map(Pom.Text::value).orElse("jar") + ":"
                + resolve(interpolation, d.classifier()).map(Pom.Text::value).orElse("");
    }

    static Optional<Pom.Text> resolve(Interpolation interpolation, Optional<Pom.Text> text)
            throws MalformedInputException {
        if (text.isEmpty()) {
            return text;
        }
        Pom.Text t = text.get();
        return Optional.of(new Pom.Text(interpolation.resolve(t.value(), t.source(), t.line()).value(), t.source(),
                t.line()));
    }

    static Map<String, String> modelValues(Pom pom) {
        Map<String, String> model = new HashMap<>();
        model.put("artifactId", pom.artifactId());
        pom.effectiveGroupId().ifPresent(g -> model.put("groupId", g));
        pom.effectiveVersion().ifPresent(v -> model.put("version", v));
        pom.parent().ifPresent(p -> {
            model.put("parent.groupId", p.groupId());
            model.put("parent.artifactId", p.artifactId());
            model.put("parent.version", p.version());
        });
        return model;
    }

    private static Optional<Path> parentFile(Pom child, Pom.Parent ref) {
        if (ref.relativePath().isEmpty()) {
            return Optional.empty(); // <relativePath/>: the parent comes from a repository only
        }
        Path dir = child.file().toAbsolutePath().getParent();
        Path candidate = dir.resolve(ref.relativePath()).normalize();
        if (Files.isDirectory(candidate)) {
            candidate = candidate.resolve("pom.xml");
        }
        return Files.isRegularFile(candidate) ? Optional.of(candidate) : Optional.empty();
    }

    // Maven checks groupId and artifactId; a version that is an expression (${revision}) is taken
    // on trust, as Maven's CI-friendly versions are
    private static boolean matches(Pom candidate, Pom.Parent ref) {
        String version = candidate.effectiveVersion().orElse("");
        return candidate.artifactId().equals(ref.artifactId())
                && candidate.effectiveGroupId().orElse("").equals(ref.groupId())
                && (version.equals(ref.version()) || version.contains("${"));
    }

    private Optional<Path> find(String coordinates) throws IOException, MalformedInputException {
        if (index == null) {
            index = new HashMap<>();
            addModules(top, new HashSet<>());
        }
        return Optional.ofNullable(index.get(coordinates));
    }

    // the reactor of the topmost parent: the same POMs "mvn" started there would see
    private void addModules(Path file, Set<Path> visited) throws IOException, MalformedInputException {
        if (!visited.add(file.toAbsolutePath().normalize()) || !Files.isRegularFile(file)) {
            return;
        }
        Pom pom = pom(file);
        Interpolation own = new Interpolation(modelValues(pom), pom.properties());
        String coordinates = own.resolve(pom.effectiveGroupId().orElse(""), pom.source(), 1).value() + ":"
                + pom.artifactId() + ":" + own.resolve(pom.effectiveVersion().orElse(""), pom.source(), 1).value();
        index.putIfAbsent(coordinates, file);
        for (String module : pom.modules()) {
            Path m = file.toAbsolutePath().getParent().resolve(module).normalize();
            addModules(Files.isDirectory(m) ? m.resolve("pom.xml") : m, visited);
        }
    }
}
