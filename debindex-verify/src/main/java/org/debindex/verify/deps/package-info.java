/**
 * {@code debindex check}: the dependencies a project's manifests declare, mapped to the
 * packages of a Debian suite and checked against the versions it ships. The manifest readers and
 * version rules of each ecosystem live in sub-packages; this package holds the common model,
 * the registry of readers ({@link org.debindex.verify.deps.Manifests}) and the check itself
 * ({@link org.debindex.verify.deps.DependencyCheck}).
 */
package org.debindex.verify.deps;
