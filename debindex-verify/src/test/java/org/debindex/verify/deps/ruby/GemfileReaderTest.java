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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gemfile statements, options, blocks, skipped Ruby and the messages of malformed files.
 *
 * <p>The Gemfiles of {@link #readsGemCallsInAllForms} and {@link #groupsAndSourceBlocksNest} were
 * also evaluated with Bundler 2.3.7's {@code Bundler::Dsl} (Debian 12's ruby 3.1.2; {@code gemspec}
 * left out and the {@code windows} platform written {@code mingw}, which that Bundler needs): it
 * gave the same gems, requirements, groups and Git/Path sources as asserted here.
 */
class GemfileReaderTest {

    @TempDir
    Path dir;

    private final GemfileReader reader = new GemfileReader();

    private Path write(String text) throws Exception {
        return Files.writeString(dir.resolve("Gemfile"), text);
    }

    private static DeclaredDependency dep(Path file, String name, String requested, String scope, boolean runtime,
                                          int line) {
        return new DeclaredDependency(Ecosystem.RUBYGEMS, name, requested,
                scope == null ? Optional.empty() : Optional.of(scope), runtime, file.toString(), line);
    }

    @Test
    void acceptsGemfileAndGemsRb() {
        assertTrue(reader.accepts(Path.of("app/Gemfile")));
        assertTrue(reader.accepts(Path.of("gems.rb")));
        assertFalse(reader.accepts(Path.of("Gemfile.lock")));
        assertFalse(reader.accepts(Path.of("gemfile")));
        assertFalse(reader.accepts(Path.of("app.gemspec")));
    }

    @Test
    void readsGemCallsInAllForms() throws Exception {
        Path file = write("""
                # frozen_string_literal: true
                source "https://mirror.example/gems"
                git_source(:forge) { |repo| "https://example.org/#{repo}.git" }
                ruby "3.2.2"
                gemspec

                gem "rails", "~> 7.1", ">= 7.1.2"
                gem 'pg', '>= 0.18', '< 2.0'
                gem("puma", "~> 6.0")
                gem "bootsnap", require: false
                gem "tzinfo-data", platforms: %i[windows jruby]
                gem "sass-rails", :require => false, :group => :assets
                gem "rack",
                    "2.2.8",
                    require: "rack"
                gem "nokogiri", git: "https://example.org/sparklemotion/nokogiri.git", branch: "main"
                gem "rspec-rails", github: "rspec/rspec-rails", group: [:development, :test]
                gem "local_gem", path: "vendor/local_gem"
                gem "forged", forge: "team/forged"
                gem "exact", "= 1.0.0.rc1" # a pre-release pinned
                gem "listed", [">= 1", "< 3"], group: "tools"
                gem "hashed", { require: false }; gem "second"
                """);
        assertEquals(List.of(
                dep(file, "rails", "~> 7.1, >= 7.1.2", null, true, 7),
                dep(file, "pg", ">= 0.18, < 2.0", null, true, 8),
                dep(file, "puma", "~> 6.0", null, true, 9),
                dep(file, "bootsnap", "", null, true, 10),
                dep(file, "tzinfo-data", "", null, true, 11),
                dep(file, "sass-rails", "", "assets", true, 12),
                dep(file, "rack", "2.2.8", null, true, 13),
                dep(file, "nokogiri", "", "url", true, 16),
                dep(file, "rspec-rails", "", "development,test,url", false, 17),
                dep(file, "local_gem", "", "path", true, 18),
                dep(file, "forged", "", "url", true, 19),
                dep(file, "exact", "= 1.0.0.rc1", null, true, 20),
                dep(file, "listed", ">= 1, < 3", "tools", true, 21),
                dep(file, "hashed", "", null, true, 22),
                dep(file, "second", "", null, true, 22)), reader.read(file));
    }

    /** A Gemfile as {@code rails new} writes it: Bundler 2.3.7's {@code Bundler::Dsl} read the same gems, requirements, groups. */
    @Test
    void aRailsGemfile() throws Exception {
        Path file = write("""
                source "https://mirror.example/gems"
                git_source(:github) { |repo| "https://example.org/#{repo}.git" }

                ruby "3.1.2"

                # Bundle edge Rails instead: gem "rails", github: "rails/rails", branch: "main"
                gem "rails", "~> 7.1.2"

                # The original asset pipeline for Rails [https://example.org/rails/sprockets-rails]
                gem "sprockets-rails"

                # Use sqlite3 as the database for Active Record
                gem "sqlite3", "~> 1.4"

                # Use the Puma web server [https://example.org/puma/puma]
                gem "puma", ">= 5.0"

                # Windows does not include zoneinfo files, so bundle the tzinfo-data gem
                gem "tzinfo-data", platforms: %i[ mingw mswin x64_mingw jruby ]

                # Reduces boot times through caching; required in config/boot.rb
                gem "bootsnap", require: false

                group :development, :test do
                  # See https://example.org/debugging.html#debugging-with-the-debug-gem
                  gem "debug", platforms: %i[ mri mingw x64_mingw ]
                end

                group :development do
                  # Use console on exceptions pages [https://example.org/rails/web-console]
                  gem "web-console"

                  # Add speed badges [https://example.org/MiniProfiler/rack-mini-profiler]
                  # gem "rack-mini-profiler"
                end

                group :test do
                  # Use system testing [https://example.org/testing.html#system-testing]
                  gem "capybara"
                  gem "selenium-webdriver"
                end

                gem 'devise', '>= 4.9.2', '< 5'
                gem 'sidekiq', '~> 7.0', require: 'sidekiq/web'
                gem "image_processing", "~> 1.2", group: :production
                """);
        assertEquals(List.of(
                dep(file, "rails", "~> 7.1.2", null, true, 7),
                dep(file, "sprockets-rails", "", null, true, 10),
                dep(file, "sqlite3", "~> 1.4", null, true, 13),
                dep(file, "puma", ">= 5.0", null, true, 16),
                dep(file, "tzinfo-data", "", null, true, 19),
                dep(file, "bootsnap", "", null, true, 22),
                dep(file, "debug", "", "development,test", false, 26),
                dep(file, "web-console", "", "development", false, 31),
                dep(file, "capybara", "", "test", false, 39),
                dep(file, "selenium-webdriver", "", "test", false, 40),
                dep(file, "devise", ">= 4.9.2, < 5", null, true, 43),
                dep(file, "sidekiq", "~> 7.0", null, true, 44),
                dep(file, "image_processing", "~> 1.2", "production", true, 45)), reader.read(file));
    }

    @Test
    void groupsAndSourceBlocksNest() throws Exception {
        Path file = write("""
                source "https://mirror.example/gems"

                group :development, :test do
                  gem "debug", platforms: %i[mri windows]
                  group :test do
                    gem "capybara", group: :system
                  end
                end

                group :test do
                  gem "selenium-webdriver"
                end

                group *%w[development production] do
                  gem "web-console"
                end

                group :default do
                  gem "in_default"
                end

                source "https://mirror.example/private" do
                  gem "private_gem", "~> 2.0"
                end

                platforms :jruby do
                  gem "jdbc"
                end

                path "components" do
                  gem "engine_a"
                  git "https://example.org/x.git" do
                    gem "inner_git"
                  end
                end

                github "rails/rails" do
                  gem "activesupport"
                end

                install_if -> { RUBY_PLATFORM =~ /darwin/ } do
                  gem "rb-fsevent"
                end

                group :development do gem "one_line" end
                group(:docs) do; gem "yard"; end
                """);
        assertEquals(List.of(
                dep(file, "debug", "", "development,test", false, 4),
                dep(file, "capybara", "", "development,test,system", true, 6),
                dep(file, "selenium-webdriver", "", "test", false, 11),
                dep(file, "web-console", "", "development,production", true, 15),
                dep(file, "in_default", "", null, true, 19),
                dep(file, "private_gem", "~> 2.0", null, true, 23),
                dep(file, "jdbc", "", null, true, 27),
                dep(file, "engine_a", "", "path", true, 31),
                dep(file, "inner_git", "", "url", true, 33),
                dep(file, "activesupport", "", "url", true, 38),
                dep(file, "rb-fsevent", "", null, true, 42),
                dep(file, "one_line", "", "development", false, 45),
                dep(file, "yard", "", "docs", true, 46)), reader.read(file));
    }

    @Test
    void otherRubyIsSkippedButItsGemsCount() throws Exception {
        Path file = write("""
                source "https://mirror.example/gems"
                rails_version = ENV.fetch("RAILS_VERSION", "7.1")
                eval_gemfile "Gemfile.local" if File.exist?("Gemfile.local")

                if ENV["DB"] == "mysql"
                  gem "mysql2", "~> 0.5"
                elsif ENV["DB"] then gem "sqlite3"
                else
                  gem "pg"
                end

                unless RUBY_ENGINE == "jruby"
                  gem "byebug" unless ENV["CI"]
                end

                gem "rails", rails_version
                gem "railties", "~> #{rails_version}"
                gem "mixed", ">= 1", **extra_options
                group(*test_groups) do
                  gem "in_dynamic_group"
                end

                def local?
                  File.directory?("../sibling")
                end
                def remote?(name = "x") = !local?

                %w[rspec-core rspec-mocks].each do |name|
                  gem name, "~> 3.12"
                end

                x = if local? then 1 else 2 end
                MESSAGE = <<~EOS
                  gem "not_a_gem" inside a heredoc
                EOS
                =begin
                gem "commented_out"
                =end
                case RUBY_PLATFORM
                when /linux/ then gem "linux_only"
                end
                begin
                  gem "in_begin"
                rescue LoadError
                end
                __END__
                gem "after_end"
                """);
        assertEquals(List.of(
                dep(file, "mysql2", "~> 0.5", null, true, 6),
                dep(file, "sqlite3", "", null, true, 7),
                dep(file, "pg", "", null, true, 9),
                dep(file, "byebug", "", null, true, 13),
                dep(file, "rails", "", "dynamic", true, 16),
                dep(file, "railties", "", "dynamic", true, 17),
                dep(file, "mixed", "", "dynamic", true, 18),
                dep(file, "in_dynamic_group", "", "dynamic", true, 20),
                dep(file, "linux_only", "", null, true, 40),
                dep(file, "in_begin", "", null, true, 43)), reader.read(file));
    }

    @Test
    void aTrailingCommaAtTheEndIsRead() throws Exception {
        Path file = write("gem \"a\"\ngem(\"b\", \"~> 1.0\",)\ngem \"c\",");
        assertEquals(List.of(dep(file, "a", "", null, true, 1), dep(file, "b", "~> 1.0", null, true, 2),
                dep(file, "c", "", null, true, 3)), reader.read(file));
    }

    @Test
    void gemsRbIsReadTheSameWay() throws Exception {
        Path file = Files.writeString(dir.resolve("gems.rb"), "gem 'rake', '~> 13.0'\n");
        assertEquals(List.of(dep(file, "rake", "~> 13.0", null, true, 1)), reader.read(file));
    }

    @Test
    void stringsAreUnescapedAndCommentsIgnored() throws Exception {
        Path file = write("""
                gem "with#hash" # a comment "with quotes
                gem 'single\\'quote', '>= 1' # 'x'
                gem %q(percent), %q{~> 2.0}
                """);
        assertEquals(List.of(
                dep(file, "with#hash", "", null, true, 1),
                dep(file, "single'quote", ">= 1", null, true, 2),
                dep(file, "percent", "~> 2.0", null, true, 3)), reader.read(file));
    }

    private MalformedInputException malformed(String text) throws Exception {
        Path file = write(text);
        return assertThrows(MalformedInputException.class, () -> reader.read(file));
    }

    @Test
    void malformedFilesNameFileAndLine() throws Exception {
        Path file = dir.resolve("Gemfile");
        MalformedInputException e = malformed("gem \"rails\"\ngem \"pg, \"1.0\"\ngem \"x\"\n");
        assertEquals(file.toString(), e.source());
        // the string opened on line 2 ends at the quote on line 3, leaving an open one there
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("unterminated string"), e.getMessage());

        e = malformed("group :test do\n  gem \"rspec\"\n");
        assertEquals(1, e.line());
        assertEquals(file + ":1: block opened by \"group\" is not closed; expected \"end\"", e.getMessage());

        e = malformed("gem \"a\"\nend\n");
        assertEquals(2, e.line());
        assertTrue(e.getMessage().startsWith(file + ":2: unexpected \"end\""), e.getMessage());

        e = malformed("if x\n  group :a do\n    gem \"b\"\n  end\n");
        assertEquals(1, e.line());

        e = malformed("gem \"a\", \"~> 1.0\"\ngem \"b\", \"latest\"\n");
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("invalid gem requirement \"latest\""), e.getMessage());

        e = malformed("gem \"b\", \">= 1, < 2\"\n");
        assertTrue(e.getMessage().contains("holds several comparators"), e.getMessage());

        e = malformed("gem\n");
        assertEquals(file + ":1: gem without a name; expected gem \"NAME\"", e.getMessage());

        e = malformed("gem \"a\", group: %w[x y\n\n");
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("expected a closing ]"), e.getMessage());

        e = malformed("gem(\"a\", \"1.0\"\n\ngem \"b\"\n");
        assertEquals(file + ":1: \"(\" is not closed; expected \")\"", e.getMessage());

        e = malformed("gem \"a\"]\n");
        assertTrue(e.getMessage().startsWith(file + ":1: unexpected \"]\""), e.getMessage());

        e = malformed("gem \"a\"\ngem \"b\",, \"1.0\"\n");
        assertEquals(file + ":2: unexpected \",\"; expected an argument before it", e.getMessage());

        e = malformed("x = <<~EOS\n  text\n");
        assertTrue(e.getMessage().contains("unterminated heredoc"), e.getMessage());
    }

    @Test
    void rejectsInvalidUtf8AndOversizedFiles() throws Exception {
        Path file = Files.write(dir.resolve("Gemfile"), new byte[] {'g', 'e', 'm', ' ', '"', 'a', '"', '\n', (byte) 0xff});
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> reader.read(file));
        assertEquals(2, e.line());
        Files.write(file, new byte[GemfileReader.MAX_SIZE + 1]);
        e = assertThrows(MalformedInputException.class, () -> reader.read(file));
        assertTrue(e.getMessage().contains("larger than the limit"), e.getMessage());
    }
}
