package org.debindex.verify.deps.ruby;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.debindex.verify.deps.DeclaredDependency;

/**
 * What a {@code Gemfile.lock} says: the direct dependencies and the exact versions Bundler locked.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param dependencies the {@code DEPENDENCIES} section, as dependencies to check, in file order
 * @param specs        every locked gem of the {@code GEM}, {@code GIT} and {@code PATH} sections
 * @param platforms    the {@code PLATFORMS} section
 * @param rubyVersion  the {@code RUBY VERSION} line, as written ({@code ruby 3.2.2p53})
 * @param bundledWith  the {@code BUNDLED WITH} version
 */
public record GemfileLock(List<DeclaredDependency> dependencies, List<LockedSpec> specs, List<String> platforms,
                          Optional<String> rubyVersion, Optional<String> bundledWith) {

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if a component or an element is null
     */
    public GemfileLock {
        dependencies = List.copyOf(dependencies);
        specs = List.copyOf(specs);
        platforms = List.copyOf(platforms);
        Objects.requireNonNull(rubyVersion, "rubyVersion");
        Objects.requireNonNull(bundledWith, "bundledWith");
    }

    /**
     * The locked specs of one gem (one per platform it was locked for).
     *
     * @throws NullPointerException if {@code name} is null
     */
    public List<LockedSpec> specs(String name) {
        Objects.requireNonNull(name, "name");
        return specs.stream().filter(s -> s.name().equals(name)).toList();
    }

    /**
     * One locked gem.
     *
     * <p>Instances are immutable and thread-safe.
     *
     * @param name     the gem name
     * @param version  the exact version
     * @param platform the platform of a native gem ({@code x86_64-linux}); empty for {@code ruby}
     * @param source   the section it is in: {@code GEM}, {@code GIT} or {@code PATH}
     * @param remote   that section's {@code remote:}; empty when it names none
     * @param line     the 1-based line it is on
     */
    public record LockedSpec(String name, String version, Optional<String> platform, String source, String remote,
                             int line) {

        /**
         * Validates.
         *
         * @throws NullPointerException if a component is null
         * @throws IllegalArgumentException if {@code name} or {@code version} is empty, or
         *     {@code line} is not positive
         */
        public LockedSpec {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(platform, "platform");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(remote, "remote");
            if (name.isEmpty() || version.isEmpty()) {
                throw new IllegalArgumentException("name and version must not be empty: " + name + " " + version);
            }
            if (line < 1) {
                throw new IllegalArgumentException("line must be positive: " + line);
            }
        }
    }
}
