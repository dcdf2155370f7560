/**
 * JMH benchmarks of debindex's hot paths; they measure, they do not test.
 *
 * <p>Run with {@code java -jar benchmarks/target/benchmarks.jar NAME} from the repository root;
 * benchmarks over real data read it from {@code -Ddebindex.testdata=DIR} (default
 * {@code ../shared/testdata}).
 */
package org.debindex.bench;
