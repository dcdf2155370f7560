/**
 * PHP Composer: {@code composer.json} dependencies with the PSR-4 namespaces of their locked
 * packages from {@code composer.lock} ({@link org.debindex.verify.deps.php.ComposerReader}),
 * Composer versions ({@link org.debindex.verify.deps.php.ComposerVersion}) and constraints
 * ({@link org.debindex.verify.deps.php.ComposerConstraint}).
 *
 * <p>Scopes of a declared dependency: none for {@code require}, {@code dev} for
 * {@code require-dev}; a platform requirement ({@code php}, {@code ext-*}, ...) adds
 * {@code platform} after a comma, as in {@code dev,platform}.
 */
package org.debindex.verify.deps.php;
