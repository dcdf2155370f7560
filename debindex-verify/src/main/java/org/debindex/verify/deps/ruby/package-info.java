/**
 * RubyGems: {@code Gemfile}/{@code gems.rb} ({@link org.debindex.verify.deps.ruby.GemfileReader}),
 * {@code Gemfile.lock}/{@code gems.locked} ({@link org.debindex.verify.deps.ruby.GemfileLockReader}),
 * {@code Gem::Version} ordering ({@link org.debindex.verify.deps.ruby.GemVersion}) and
 * {@code Gem::Requirement} ({@link org.debindex.verify.deps.ruby.GemRequirement}).
 *
 * <p>Scopes of a declared dependency: the Bundler groups other than {@code default}, in the order
 * met, then {@code url} (a {@code git:}, {@code github:} or other git source), {@code path}
 * ({@code path:} or a {@code path} block) or {@code dynamic} (arguments that are not literals),
 * all joined by commas, as in {@code development,test,url}. Only {@code development} and
 * {@code test} are not runtime groups (Bundler's convention).
 */
package org.debindex.verify.deps.ruby;
