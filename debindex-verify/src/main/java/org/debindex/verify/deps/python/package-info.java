/**
 * Python (PyPI) manifests for {@code debindex check}: {@code requirements*.txt} (pip's format,
 * PEP 508 lines) and {@code pyproject.toml} (PEP 621, PEP 735, Poetry), PEP 440 versions and
 * specifiers, and PEP 503 name normalisation.
 */
package org.debindex.verify.deps.python;
