/**
 * npm: {@code package.json} dependencies ({@link org.debindex.verify.deps.npm.PackageJsonReader})
 * and node-semver versions and ranges ({@link org.debindex.verify.deps.npm.NpmRange}).
 *
 * <p>Scopes of a declared dependency: none for {@code dependencies}, {@code dev}, {@code optional},
 * {@code peer} for the other groups; a spec that is not a registry range adds {@code url} (git,
 * tarball, directory, {@code workspace:}) or {@code alias} ({@code npm:name@range}) after a comma,
 * as in {@code dev,url}.
 */
package org.debindex.verify.deps.npm;
