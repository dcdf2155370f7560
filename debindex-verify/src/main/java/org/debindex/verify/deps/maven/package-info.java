/**
 * Maven manifests for {@code debindex check}: {@link org.debindex.verify.deps.maven.PomReader}
 * reads the project dependencies of a {@code pom.xml} (with its parents and imported BOMs found in
 * the same tree, never fetched), {@link org.debindex.verify.deps.maven.MavenVersion} orders
 * versions as Maven's {@code ComparableVersion} does and
 * {@link org.debindex.verify.deps.maven.MavenRequirement} evaluates soft versions and ranges.
 */
package org.debindex.verify.deps.maven;
