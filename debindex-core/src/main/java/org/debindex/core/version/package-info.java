/**
 * Debian version numbers ({@link org.debindex.core.version.DebianVersion}): syntax and the order
 * dpkg uses (Debian Policy §5.6.12).
 */
package org.debindex.core.version;
