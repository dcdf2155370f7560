package org.debindex.verify.deps;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The names Debian ships a library under when they differ from the name manifests use (Bouncy
 * Castle's per-JDK Maven artifacts, {@code psycopg2-binary}, ...): the small override file
 * {@code aliases.txt} beside this class. Consulted only when the name itself maps to nothing, so
 * the Contents rule stays the primary one.
 *
 * <p>Immutable and thread-safe.
 */
public final class Aliases {

    private final Map<String, String> debianNames;

    private Aliases(Map<String, String> debianNames) {
        this.debianNames = Map.copyOf(debianNames);
    }

    /** The table shipped with debindex. */
    public static Aliases shipped() {
        try (InputStream in = Aliases.class.getResourceAsStream("aliases.txt")) {
            if (in == null) {
                throw new IllegalStateException("aliases.txt is missing beside " + Aliases.class.getName());
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a table: one {@code ECOSYSTEM NAME DEBIAN-NAME} per line, {@code #} comments.
     *
     * @throws IllegalArgumentException if a line has another form or an unknown ecosystem
     * @throws IOException if it cannot be read
     */
    static Aliases parse(InputStream in) throws IOException {
        Map<String, String> out = new HashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            String text = line.replaceFirst("#.*", "").strip();
            if (text.isEmpty()) {
                continue;
            }
            String[] words = text.split("\\s+");
            if (words.length != 3) {
                throw new IllegalArgumentException("aliases line " + number + ": expected ECOSYSTEM NAME DEBIAN-NAME: "
                        + line);
            }
            Ecosystem ecosystem = Ecosystem.valueOf(words[0].toUpperCase(Locale.ROOT));
            out.put(key(ecosystem, words[1]), words[2]);
        }
        return new Aliases(out);
    }

    /**
     * The name Debian ships this dependency under, when the table knows one.
     *
     * @throws NullPointerException if an argument is null
     */
    public Optional<String> debianName(Ecosystem ecosystem, String name) {
        return Optional.ofNullable(debianNames.get(key(Objects.requireNonNull(ecosystem, "ecosystem"),
                Objects.requireNonNull(name, "name"))));
    }

    private static String key(Ecosystem ecosystem, String name) {
        return ecosystem + " " + name;
    }
}
