/**
 * Reading and understanding Debian archives: the base of debindex, usable as a library.
 *
 * <p>This package holds the error family shared by every reader ({@link
 * org.debindex.core.DebindexException}); the formats live in sub-packages: {@code deb822}
 * (stanza reader), {@code compress} (bounded decompression), {@code version} (Debian version
 * order), {@code relation} (dependency relations), {@code model} (Release, packages),
 * {@code openpgp} (keyrings and signatures) and {@code source} (apt's sources configuration).
 */
package org.debindex.core;
