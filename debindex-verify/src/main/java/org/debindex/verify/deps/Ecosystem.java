package org.debindex.verify.deps;

/**
 * A language ecosystem whose dependencies {@code debindex check} maps to Debian packages.
 *
 * <p>Thread-safe (an enum).
 */
public enum Ecosystem {
    /** Maven Central artifacts, {@code groupId:artifactId}, from {@code pom.xml}. */
    MAVEN,
    /** PyPI distributions, from {@code requirements*.txt} and {@code pyproject.toml}. */
    PYPI,
    /** npm packages, from {@code package.json}. */
    NPM,
    /** Rust crates, from {@code Cargo.toml}. */
    CARGO,
    /** Go modules, from {@code go.mod}. */
    GO,
    /** RubyGems, from {@code Gemfile} and {@code Gemfile.lock}. */
    RUBYGEMS,
    /** CPAN modules ({@code Foo::Bar}), from {@code cpanfile}. */
    PERL,
    /** Composer packages ({@code vendor/package}), from {@code composer.json} and {@code composer.lock}. */
    COMPOSER
}
