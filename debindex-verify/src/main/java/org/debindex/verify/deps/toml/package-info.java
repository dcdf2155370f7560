/**
 * A small, strict reader of TOML 1.0 ({@code pyproject.toml}, {@code Cargo.toml}) into an
 * immutable tree whose values keep the line they were written on. Written here because Debian
 * ships no Java TOML library.
 */
package org.debindex.verify.deps.toml;
