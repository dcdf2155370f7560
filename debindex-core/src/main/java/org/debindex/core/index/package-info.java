/**
 * The package index: built from verified {@code Packages}, {@code Translation-<lang>} and
 * {@code Sources} files ({@link org.debindex.core.index.IndexInput}), persisted as one
 * checksummed, memory-mapped snapshot, and queried by name, provided name, reverse dependency,
 * source package and text ({@link org.debindex.core.index.PackageIndex}). The snapshot format is
 * described in {@code org.debindex.core.index.internal.Layout}.
 */
package org.debindex.core.index;
