/**
 * Immutable models of the archive's files: {@link org.debindex.core.model.Release} with its
 * checksum lists, {@link org.debindex.core.model.BinaryPackage} (a {@code Packages} stanza),
 * {@link org.debindex.core.model.SourcePackage} (a {@code Sources} stanza) and
 * {@link org.debindex.core.model.TranslationEntry} (a {@code Translation-<lang>} stanza).
 *
 * <p>Each model keeps the {@link org.debindex.core.deb822.Paragraph} it came from, so every
 * field stays available as written, and gives typed access to the common ones.
 */
package org.debindex.core.model;
