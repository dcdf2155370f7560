/**
 * The deb822 control-file format (Debian Policy §5.1; dpkg {@code deb822(5)}): a byte-level,
 * streaming reader of paragraphs ("stanzas") of fields.
 *
 * <p>{@link org.debindex.core.deb822.Deb822Reader} finds paragraph and field boundaries with a
 * byte scan and keeps offsets; a {@link org.debindex.core.deb822.Paragraph} decodes a value to a
 * {@code String} only when it is asked for. Field names compare case-insensitively, values keep
 * their exact bytes (continuation lines and the lone {@code .} lines included).
 */
package org.debindex.core.deb822;
