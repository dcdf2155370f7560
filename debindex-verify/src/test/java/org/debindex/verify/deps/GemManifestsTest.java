package org.debindex.verify.deps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding and reading Bundler manifests: a lock beside its Gemfile is left to the Gemfile. */
class GemManifestsTest {

    @TempDir
    Path dir;

    private static final String LOCK = """
            GEM
              remote: https://mirror.example/gems/
              specs:
                rake (13.1.0)

            DEPENDENCIES
              rake (~> 13.0)
            """;

    private Path write(String relative, String text) throws Exception {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void aLockBesideItsGemfileIsNotFoundButALoneLockIs() throws Exception {
        Path gemfile = write("app/Gemfile", "gem 'rake', '~> 13.0', group: :development\n");
        write("app/Gemfile.lock", LOCK);
        Path gemsRb = write("tool/gems.rb", "gem 'rake'\n");
        write("tool/gems.locked", LOCK);
        Path lone = write("lib/Gemfile.lock", LOCK);
        Path otherLock = write("mixed/Gemfile.lock", LOCK); // gems.rb does not shadow a Gemfile.lock
        Path mixedGems = write("mixed/gems.rb", "gem 'rake'\n");
        assertEquals(List.of(gemfile, lone, otherLock, mixedGems, gemsRb), Manifests.find(List.of(dir)));
    }

    @Test
    void aLockNamedExplicitlyIsKept() throws Exception {
        Path gemfile = write("Gemfile", "gem 'rake'\n");
        Path lock = write("Gemfile.lock", LOCK);
        assertEquals(List.of(gemfile, lock), Manifests.find(List.of(gemfile, lock)));
        assertEquals(List.of(gemfile), Manifests.find(List.of(dir)));
    }

    @Test
    void bothAreReadByTheirReaders() throws Exception {
        Path gemfile = write("Gemfile", "group :test do\n  gem 'rspec', '~> 3.12'\nend\n");
        Path lock = write("sub/Gemfile.lock", LOCK);
        assertTrue(Manifests.isManifest(gemfile));
        assertTrue(Manifests.isManifest(lock));
        assertEquals(List.of(new DeclaredDependency(Ecosystem.RUBYGEMS, "rspec", "~> 3.12", Optional.of("test"), false,
                gemfile.toString(), 2)), Manifests.read(gemfile).dependencies());
        assertEquals(List.of(new DeclaredDependency(Ecosystem.RUBYGEMS, "rake", "~> 13.0", Optional.empty(), true,
                lock.toString(), 7)), Manifests.read(lock).dependencies());
    }
}
