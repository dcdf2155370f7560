/**
 * Go modules: {@code go.mod} ({@link org.debindex.verify.deps.go.GoModReader}), module versions
 * and pseudo-versions ({@link org.debindex.verify.deps.go.GoVersion}) and minimal-version-selection
 * requirements ({@link org.debindex.verify.deps.go.GoRequirement}).
 *
 * <p>Scopes of a declared dependency: {@code indirect} for a {@code // indirect} requirement,
 * {@code replaced:TARGET} when a {@code replace} directive applies, both joined by a comma.
 */
package org.debindex.verify.deps.go;
