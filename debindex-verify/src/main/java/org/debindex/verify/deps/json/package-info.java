/**
 * A small, strict, bounded RFC 8259 JSON reader for manifests such as {@code package.json}:
 * an immutable tree whose values know their line, so that readers report {@code file:line}.
 * Written here rather than taken from a library because the JDK has none and the one Debian
 * ships has a deep-nesting flaw.
 */
package org.debindex.verify.deps.json;
