/**
 * The cache directory: where verified lists, the index and per-repository state live
 * ({@code $XDG_CACHE_HOME/debindex}, else {@code ~/.cache/debindex}), and how files in it are
 * replaced atomically so an interrupted update never leaves a half-written file under a real name.
 */
package org.debindex.core.cache;
