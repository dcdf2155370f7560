/**
 * The Debian side of {@code debindex check}: which binary packages of a suite ship a given
 * ecosystem name, found by the file-path rules of each ecosystem over the suite's {@code
 * Contents-*} files ({@link org.debindex.verify.deps.debian.ContentsMapping}), and the upstream
 * version a Debian version stands for ({@link org.debindex.verify.deps.debian.UpstreamVersions}).
 * The rules and their measured coverage are in {@code docs/ecosystem-mapping.md} of the shared
 * documents. Nothing here verifies files: callers pass only files a verified Release vouches for.
 */
package org.debindex.verify.deps.debian;
