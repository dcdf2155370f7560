package org.debindex.verify.deps;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.debindex.core.MalformedInputException;
import org.debindex.verify.deps.cargo.CargoTomlReader;
import org.debindex.verify.deps.go.GoModReader;
import org.debindex.verify.deps.maven.PomManifest;
import org.debindex.verify.deps.maven.PomReader;
import org.debindex.verify.deps.npm.PackageJsonReader;
import org.debindex.verify.deps.php.ComposerReader;
import org.debindex.verify.deps.perl.CpanfileReader;
import org.debindex.verify.deps.python.PyprojectReader;
import org.debindex.verify.deps.python.RequirementsReader;
import org.debindex.verify.deps.ruby.GemfileLockReader;
import org.debindex.verify.deps.ruby.GemfileReader;

/**
 * The manifest readers {@code debindex check} knows, and the one place that finds manifests in a
 * project tree and picks the reader of a file.
 *
 * <p>Thread-safe: a static holder of immutable readers.
 */
public final class Manifests {

    /**
     * Directories that hold build output, installed or vendored dependencies, or VCS data: their
     * manifests are not the project's own.
     */
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", "build", "node_modules", "vendor",
            ".git", "dist", "__pycache__", ".venv", "venv");

    private static final PomReader POM = new PomReader();
    private static final List<ManifestReader> READERS = List.of(POM, new RequirementsReader(),
            new PyprojectReader(), new PackageJsonReader(), new GoModReader(), new CargoTomlReader(),
            new GemfileReader(), new GemfileLockReader(), new CpanfileReader(), new ComposerReader());

    private Manifests() {
    }

    /**
     * The dependencies of one manifest, and why some of them have no known requirement.
     *
     * <p>Instances are immutable and thread-safe.
     *
     * @param file         the manifest
     * @param dependencies its dependencies, in declaration order
     * @param unresolved   for dependencies whose requirement could not be worked out (Maven
     *                     properties or managed versions not in the tree): the reason, lower-case
     * @param project      what the manifest itself builds, by its ecosystem's name (a POM's
     *                     {@code groupId:artifactId}), when known
     */
    public record Content(Path file, List<DeclaredDependency> dependencies,
                         Map<DeclaredDependency, String> unresolved, Optional<String> project) {

        /**
         * Validates and copies.
         *
         * @throws NullPointerException if a component or an element is null
         */
        public Content {
            Objects.requireNonNull(file, "file");
            dependencies = List.copyOf(dependencies);
            unresolved = Map.copyOf(unresolved);
            Objects.requireNonNull(project, "project");
        }
    }

    /**
     * Whether a dependency is on a module of the project being checked (a Maven module depending
     * on its sibling): built with the project, not something Debian must ship.
     *
     * @param dependency a dependency of one of {@code manifests}
     * @param manifests  everything read in the same check
     * @throws NullPointerException if an argument is null
     */
    public static boolean isOwnModule(DeclaredDependency dependency, List<Content> manifests) {
        Objects.requireNonNull(dependency, "dependency");
        return dependency.ecosystem() == Ecosystem.MAVEN
                && manifests.stream().anyMatch(m -> m.project().filter(dependency.name()::equals).isPresent());
    }

    /**
     * The manifests among {@code paths}: a file is kept as given (whether a reader accepts it is
     * {@link #read}'s question, so that a wrong name is reported, not dropped); a directory is
     * searched recursively, in name order, for files some reader accepts, skipping build output,
     * dependency and VCS directories ({@code target}, {@code node_modules}, {@code .git}, ...).
     *
     * @return the files, each once, in the order found
     * @throws IOException if a path does not exist or a directory cannot be read
     * @throws NullPointerException if {@code paths} or an element is null
     */
    public static List<Path> find(List<Path> paths) throws IOException {
        Set<Path> out = new LinkedHashSet<>();
        for (Path path : paths) {
            Objects.requireNonNull(path, "path");
            if (!Files.isDirectory(path)) {
                if (!Files.exists(path)) {
                    throw new java.nio.file.NoSuchFileException(path.toString(), null, "no such file or directory");
                }
                out.add(path);
                continue;
            }
            List<Path> found = new ArrayList<>();
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(path) && SKIPPED_DIRECTORIES.contains(dir.getFileName().toString())
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && reader(file) != null) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            found.sort(null);
            List<Path> all = List.copyOf(found);
            found.removeIf(f -> isLockBesideItsGemfile(f, all));
            out.addAll(found);
        }
        return List.copyOf(out);
    }

    /**
     * Whether some reader accepts the file, by its name.
     *
     * @throws NullPointerException if {@code file} is null
     */
    public static boolean isManifest(Path file) {
        return reader(Objects.requireNonNull(file, "file")) != null;
    }

    /**
     * Reads a manifest with the reader that accepts its name.
     *
     * @throws MalformedInputException if no reader accepts the file, or it is not valid for its
     *     format (the message names the file and line)
     * @throws IOException if the file cannot be read
     * @throws NullPointerException if {@code file} is null
     */
    public static Content read(Path file) throws IOException, MalformedInputException {
        ManifestReader reader = reader(Objects.requireNonNull(file, "file"));
        if (reader == null) {
            throw new MalformedInputException(file.toString(), -1, -1, "not a manifest debindex reads; expected "
                    + "pom.xml, requirements*.txt, pyproject.toml, package.json, go.mod, Cargo.toml, Gemfile,"
                    + " gems.rb, Gemfile.lock, gems.locked, cpanfile or composer.json");
        }
        if (reader == POM) {
            PomManifest pom = POM.readManifest(file);
            Map<DeclaredDependency, String> unresolved = new java.util.HashMap<>();
            for (PomManifest.Unresolved u : pom.unresolved()) {
                unresolved.putIfAbsent(u.dependency(), u.reason());
            }
            return new Content(file, pom.dependencies(), unresolved, pom.project());
        }
        return new Content(file, reader.read(file), Map.of(), Optional.empty());
    }

    /**
     * Whether a Bundler lock sits beside its Gemfile: the Gemfile has the groups, the lock's
     * DEPENDENCIES only repeat its gems, so reading both would count each twice.
     */
    private static boolean isLockBesideItsGemfile(Path file, List<Path> found) {
        String name = file.getFileName().toString();
        return name.equals("Gemfile.lock") && found.contains(file.resolveSibling("Gemfile"))
                || name.equals("gems.locked") && found.contains(file.resolveSibling("gems.rb"));
    }

    private static ManifestReader reader(Path file) {
        for (ManifestReader r : READERS) {
            if (r.accepts(file)) {
                return r;
            }
        }
        return null;
    }
}
