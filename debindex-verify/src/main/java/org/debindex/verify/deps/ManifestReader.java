package org.debindex.verify.deps;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.debindex.core.MalformedInputException;

/**
 * Reads the dependencies one kind of manifest declares.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface ManifestReader {

    /**
     * Whether this reader handles the file, by its name ({@code pom.xml},
     * {@code requirements-dev.txt}, ...).
     *
     * @throws NullPointerException if {@code file} is null
     */
    boolean accepts(Path file);

    /**
     * The dependencies the file declares (and for Maven, those it inherits from parent POMs in
     * the same tree), in declaration order.
     *
     * @throws MalformedInputException if the file is not valid for its format: the message names
     *     the file and line and says what was expected
     * @throws IOException if the file (or a file it includes) cannot be read
     * @throws NullPointerException if {@code file} is null
     */
    List<DeclaredDependency> read(Path file) throws IOException, MalformedInputException;
}
