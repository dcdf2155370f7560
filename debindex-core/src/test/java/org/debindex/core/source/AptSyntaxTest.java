package org.debindex.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pieces of apt's string handling ported from {@code strutl.cc}, case by case. */
class AptSyntaxTest {

    @ParameterizedTest
    @CsvSource({
        "yes, 1", "YES, 1", "true, 1", "with, 1", "on, 1", "enable, 1", "1, 1", "01, 1", "0x1, 1", "+1, 1",
        "no, 0", "False, 0", "without, 0", "off, 0", "disable, 0", "0, 0", "00, 0", "0x0, 0", "-0, 0",
        "maybe, -1", "2, -1", "08, -1", "1a, -1", "y, -1", "' yes', -1",
    })
    void stringToBool(String text, int expected) {
        assertEquals(expected, AptSyntax.stringToBool(text, -1));
    }

    @Test
    void emptyTextIsFalseAsInC() {
        assertEquals(0, AptSyntax.stringToBool("", -1));
    }

    @ParameterizedTest
    @CsvSource({"3600, 3600", "10s, 10", "abc, 0", "+5, 5", "'', 0", "' 42', 42"})
    void leadingNumber(String text, long expected) {
        assertEquals(expected, AptSyntax.leadingNumber(text));
    }

    @Test
    void quoteWord() throws Exception {
        AptSyntax.Word w = AptSyntax.quoteWord("\"a b\"%41c  next", 0).orElseThrow();
        assertEquals("a bAc", w.text());
        assertEquals(11, w.next());
        assertEquals("[x y]z", AptSyntax.quoteWord("[x y]z", 0).orElseThrow().text());
        assertEquals(Optional.empty(), AptSyntax.quoteWord("   ", 0));
        assertEquals('"', assertThrows(AptSyntax.UnclosedException.class, () -> AptSyntax.quoteWord("\"open", 0)).opening());
        assertEquals('[', assertThrows(AptSyntax.UnclosedException.class, () -> AptSyntax.quoteWord("[open", 0)).opening());
        // a trailing "%4" is not an escape
        assertEquals("a%4", AptSyntax.quoteWord("a%4", 0).orElseThrow().text());
    }

    @Test
    void splitSpace() {
        assertEquals(List.of("a", "b", "c"), AptSyntax.splitSpace(" a\tb\n  c \n"));
        assertEquals(List.of(), AptSyntax.splitSpace(" \n "));
    }

    @Test
    void signedBy() {
        String fpr = "0123456789abcdef0123456789ABCDEF01234567";
        assertEquals(Optional.empty(), AptSyntax.signedByProblem("/a.gpg, " + fpr + "!\n /b.asc"));
        assertTrue(AptSyntax.signedByProblem(fpr + "!!").isPresent());
        assertTrue(AptSyntax.signedByProblem(fpr.substring(1)).isPresent());
        assertTrue(AptSyntax.signedByProblem(" , ").isPresent());
        assertTrue(AptSyntax.isFingerprint(fpr));
        assertFalse(AptSyntax.isFingerprint("0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF"));
        assertEquals("/a.gpg," + fpr.toUpperCase() + "!,/b.asc", AptSyntax.normaliseSignedBy("/a.gpg, " + fpr + "!\n /b.asc"));
        assertEquals(AptSyntax.normaliseSignedBy("\n -----BEGIN PGP PUBLIC KEY BLOCK-----\n .\n abc\n -----END PGP PUBLIC KEY BLOCK-----"),
                AptSyntax.normaliseSignedBy("-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nabc\n-----END PGP PUBLIC KEY BLOCK-----")
                        .replaceFirst("^", "\n"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://mirror.example/debian        | http://mirror.example/debian/",
        "http://mirror.example:0/debian      | http://mirror.example/debian/",
        "http://mirror.example:x/debian      | http://mirror.example/debian/",
        "file:///srv/m                       | file:/srv/m/",
        "http://a%40b:p%3Aw@mirror.example/d | http://a%40b:p%3aw@mirror.example/d/",
        "tor+http://mirror.example/d         | tor+http://mirror.example/d/",
        "http:                               | http:/",
    })
    void uriNormalisation(String written, String text) {
        assertEquals(text, AptUri.parse(written).orElseThrow().text());
    }

    @Test
    void uriWithoutColonIsRejected() {
        assertEquals(Optional.empty(), AptUri.parse("mirror.example/debian"));
        assertEquals(Optional.empty(), AptUri.parse(""));
    }
}
