/**
 * How {@link org.debindex.core.index.PackageIndex} is built, laid out on disk and read back:
 * the snapshot format ({@link org.debindex.core.index.internal.Layout}), its header, the lazily
 * checksummed sections, the build pipeline and the byte scanner of the search. Not for use
 * outside {@code org.debindex.core.index}; it may change with the format version.
 */
package org.debindex.core.index.internal;
