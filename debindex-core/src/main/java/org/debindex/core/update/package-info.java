/**
 * {@code debindex update} without the index: fetch every configured repository suite's
 * {@code InRelease} (or {@code Release} + {@code Release.gpg}), verify it, fetch and verify the
 * index files it lists, and keep the verified files in the cache's {@code lists/} directory
 * under a per-suite manifest, fail-closed (design.md "Data flow of debindex update",
 * trust-chain.md §2B, §2F, §2G, §3).
 *
 * <p>{@link org.debindex.core.update.Acquisition} does the work and returns one
 * {@link org.debindex.core.update.AcquisitionReport} per suite;
 * {@link org.debindex.core.update.SuiteManifest#verifiedIndexes} reads the verified files back
 * from the cache alone, for rebuilding an index without the network.
 * {@link org.debindex.core.update.Acquisition#fromAptLists} takes the files from the lists apt
 * has already downloaded instead of the network, through the same checks.
 */
package org.debindex.core.update;
