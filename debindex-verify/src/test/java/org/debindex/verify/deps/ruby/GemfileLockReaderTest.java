package org.debindex.verify.deps.ruby;

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
import org.debindex.verify.deps.ruby.GemfileLock.LockedSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gemfile.lock sections. The lock below was also read with Bundler 2.3.7's LockfileParser (Debian
 * 12's ruby 3.1.2), which gave the same dependencies, requirements and sources (billing from a
 * Path source, rails from a Git source) and the same specs and platforms as asserted here.
 */
class GemfileLockReaderTest {

    @TempDir
    Path dir;

    private final GemfileLockReader reader = new GemfileLockReader();

    private static final String LOCK = """
            GIT
              remote: https://example.org/rails/rails.git
              revision: 0123456789abcdef0123456789abcdef01234567
              branch: main
              specs:
                rails (7.2.0.alpha)
                  actionpack (= 7.2.0.alpha)
                  railties (= 7.2.0.alpha)
            
            PATH
              remote: engines/billing
              specs:
                billing (0.1.0)
                  rails (>= 7.1)
            
            GEM
              remote: https://mirror.example/gems/
              specs:
                actionpack (7.2.0.alpha)
                nokogiri (1.15.5-x86_64-linux)
                  racc (~> 1.4)
                nokogiri (1.15.5)
                  mini_portile2 (~> 2.8.2)
                  racc (~> 1.4)
                pg (1.5.4)
                racc (1.7.3)
                rspec-core (3.12.2)
                  rspec-support (~> 3.12.0)
            
            PLATFORMS
              ruby
              x86_64-linux
            
            DEPENDENCIES
              billing!
              nokogiri (~> 1.15, >= 1.15.2)
              pg
              rails!
              rspec-core (= 3.12.2)
            
            RUBY VERSION
               ruby 3.2.2p53
            
            BUNDLED WITH
               2.4.10
            CHECKSUMS
              pg (1.5.4) sha256=0000000000000000000000000000000000000000000000000000000000000000
            """;

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private static DeclaredDependency dep(Path file, String name, String requested, String scope, int line) {
        return new DeclaredDependency(Ecosystem.RUBYGEMS, name, requested,
                scope == null ? Optional.empty() : Optional.of(scope), true, file.toString(), line);
    }

    @Test
    void acceptsLockNames() {
        assertTrue(reader.accepts(Path.of("x/Gemfile.lock")));
        assertTrue(reader.accepts(Path.of("gems.locked")));
        assertFalse(reader.accepts(Path.of("Gemfile")));
        assertFalse(reader.accepts(Path.of("package-lock.json")));
    }

    @Test
    void readsDirectDependenciesAndLockedSpecs() throws Exception {
        Path file = write("Gemfile.lock", LOCK);
        GemfileLock lock = reader.parse(file);
        assertEquals(List.of(
                dep(file, "billing", "", "path", 35),
                dep(file, "nokogiri", "~> 1.15, >= 1.15.2", null, 36),
                dep(file, "pg", "", null, 37),
                dep(file, "rails", "", "url", 38),
                dep(file, "rspec-core", "= 3.12.2", null, 39)), lock.dependencies());
        assertEquals(lock.dependencies(), reader.read(file));
        String git = "https://example.org/rails/rails.git";
        String gem = "https://mirror.example/gems/";
        assertEquals(List.of(
                new LockedSpec("rails", "7.2.0.alpha", Optional.empty(), "GIT", git, 6),
                new LockedSpec("billing", "0.1.0", Optional.empty(), "PATH", "engines/billing", 13),
                new LockedSpec("actionpack", "7.2.0.alpha", Optional.empty(), "GEM", gem, 19),
                new LockedSpec("nokogiri", "1.15.5", Optional.of("x86_64-linux"), "GEM", gem, 20),
                new LockedSpec("nokogiri", "1.15.5", Optional.empty(), "GEM", gem, 22),
                new LockedSpec("pg", "1.5.4", Optional.empty(), "GEM", gem, 25),
                new LockedSpec("racc", "1.7.3", Optional.empty(), "GEM", gem, 26),
                new LockedSpec("rspec-core", "3.12.2", Optional.empty(), "GEM", gem, 27)), lock.specs());
        assertEquals(2, lock.specs("nokogiri").size());
        assertEquals(List.of("ruby", "x86_64-linux"), lock.platforms());
        assertEquals(Optional.of("ruby 3.2.2p53"), lock.rubyVersion());
        assertEquals(Optional.of("2.4.10"), lock.bundledWith());
    }

    @Test
    void gemsLockedAndWindowsLineEnds() throws Exception {
        Path file = write("gems.locked", "GEM\r\n  remote: https://mirror.example/\r\n  specs:\r\n    rake (13.1.0)\r\n\r\n"
                + "DEPENDENCIES\r\n  rake (~> 13.0)\r\n  forked (~> 2.0)!\r\n");
        GemfileLock lock = reader.parse(file);
        assertEquals(List.of(dep(file, "rake", "~> 13.0", null, 7), dep(file, "forked", "~> 2.0", "url", 8)),
                lock.dependencies());
        assertEquals("13.1.0", lock.specs().get(0).version());
        assertEquals(Optional.empty(), lock.bundledWith());
    }

    private void malformed(String text, int line, String contains) throws Exception {
        Path file = write("Gemfile.lock", text);
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> reader.parse(file));
        assertEquals(file.toString(), e.source());
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains(contains), e.getMessage());
        assertTrue(e.getMessage().startsWith(file + ":" + line + ": "), e.getMessage());
    }

    @Test
    void malformedLocksNameFileAndLine() throws Exception {
        malformed("  rake (1.0)\n", 1, "before any section");
        malformed("GEM\n  specs:\n    rake (1.0)\nrake\n", 4, "expected a section title");
        malformed("GEM\n  specs:\n   rake (1.0)\n", 3, "indentation of 3 spaces in GEM; expected 2, 4 or 6");
        malformed("GEM\n  remote: x\n    rake (1.0)\n", 3, "expected 2");
        malformed("GEM\n  specs:\n    rake\n", 3, "expected \"name (version)\"");
        malformed("GEM\n  specs:\n    rake (one)\n", 3, "invalid gem version \"one\"");
        malformed("GEM\n  specs:\n    rake (1.0)\n      rack (~ 2)\n", 4, "invalid gem requirement");
        malformed("GEM\n  bogus\n", 2, "expected \"key: value\" or \"specs:\"");
        malformed("DEPENDENCIES\n    rake\n", 2, "indentation of 4 spaces in DEPENDENCIES");
        malformed("DEPENDENCIES\n  rake (>= 1\n", 2, "expected \"name\" or \"name (requirement)\"");
        malformed("DEPENDENCIES\n\trake\n", 2, "tab");
        malformed("PLATFORMS\n  ruby\nBUNDLED WITH\n   two\n", 4, "invalid gem version");
    }
}
