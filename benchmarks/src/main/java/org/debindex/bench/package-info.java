/**
 * JMH benchmarks of debindex's hot paths; they measure, they do not test.
 *
 * <p>Run with {@code java -jar benchmarks/target/benchmarks.jar NAME} from the repository root;
 * benchmarks over real data read it from {@code -Ddebindex.testdata=DIR} (default
 * {@code ../shared/testdata}). {@link org.debindex.bench.VerifyInReleaseOnce} is the one plain main
 * class: one verification per process, timed beside gpgv and sqv by
 * {@code benchmarks/compare-verify.sh}.
 */
package org.debindex.bench;
