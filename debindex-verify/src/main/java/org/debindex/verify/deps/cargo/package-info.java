/**
 * Rust crates: {@code Cargo.toml} dependencies ({@link org.debindex.verify.deps.cargo.CargoTomlReader}),
 * semver versions and Cargo's requirement syntax ({@link org.debindex.verify.deps.cargo.CargoVersion},
 * {@link org.debindex.verify.deps.cargo.CargoRequirement}), and the Debian names debcargo gives a
 * crate's features ({@link org.debindex.verify.deps.cargo.CargoFeatures}).
 *
 * <p>Scopes of a declared dependency, tokens joined by {@code ,}: {@code dev} or {@code build} for
 * those tables; {@code target:CFG} for {@code [target.CFG.*]}; {@code optional};
 * {@code features:a+b} (sorted); {@code no-default-features}; {@code url} (git) or {@code path};
 * {@code workspace-unresolved} for {@code workspace = true} without a workspace root. A {@code ,},
 * {@code ;}, {@code +} or {@code %} inside a token is percent-encoded, so that tokens stay apart.
 */
package org.debindex.verify.deps.cargo;
