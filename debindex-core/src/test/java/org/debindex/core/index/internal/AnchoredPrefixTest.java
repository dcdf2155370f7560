package org.debindex.core.index.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The names-only regex prefilter of {@link TextSearch}: it may only rule out names the pattern cannot match. */
class AnchoredPrefixTest {

    private static String prefix(String regex) {
        return new String(TextSearch.anchoredPrefix(regex), StandardCharsets.US_ASCII);
    }

    @Test
    void takesTheLiteralTextAfterTheAnchor() {
        assertEquals("libssl", prefix("^libssl"));
        assertEquals("libssl", prefix("^LibSSL"));
        assertEquals("python3-", prefix("^python3-.*yaml"));
        assertEquals("python3-y", prefix("^python3-ya?ml$"));
        assertEquals("lib", prefix("^libs*"));
        assertEquals("lib", prefix("^libs+"));
        assertEquals("lib", prefix("^libs{0,2}"));
        assertEquals("a", prefix("^a[bc]"));
        assertEquals("ab", prefix("^ab\\b"));
    }

    @Test
    void noPrefixWhenAMatchNeedNotStartWithIt() {
        assertEquals("", prefix("libssl"));
        assertEquals("", prefix("^libssl|^nginx"));
        assertEquals("", prefix("^(?-i)lib"));
        assertEquals("", prefix("^.lib"));
        assertEquals("", prefix("^a?"));
        assertEquals("", prefix("^\\Qlib\\E"));
        assertEquals("", prefix("^"));
    }

    /** Every pattern over every name: a name the prefilter rules out never matches. */
    @Test
    void rulesOutOnlyNamesThePatternCannotMatch() {
        List<String> names = List.of("libssl3", "libssl-dev", "LIBSSL-doc", "libss", "openssl", "lib",
                "python3-yaml", "python3-yml", "python3-ruamel.yaml", "\u212Aernel", "kernel", "\u017Fsl",
                "ssl", "libs", "libsss", "a", "ab", "ac", "");
        List<String> patterns = List.of("^libssl", "^LIBSSL", "^libs?", "^libs*l", "^lib.*", "^python3-ya?ml$",
                "^python3-.*yaml", "^kernel", "^k", "^ssl", "^s", "^a[bc]", "^ab\\b", "^libs{0,2}",
                "^libssl|^open", "^(?-i)LIB");
        int ruledOut = 0;
        for (String regex : patterns) {
            Pattern p = Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            byte[] prefix = TextSearch.anchoredPrefix(regex);
            for (String name : names) {
                byte[] text = name.getBytes(StandardCharsets.UTF_8);
                if (prefix.length > 0 && !TextSearch.mayStartWith(text, 0, text.length, prefix)) {
                    ruledOut++;
                    assertTrue(!p.matcher(name).find(), regex + " matches " + name + ", which the prefilter ruled out");
                }
            }
        }
        assertTrue(ruledOut > 100, "the prefilter ruled out only " + ruledOut + " pairs");
    }

    @Test
    void nonAsciiNamesAreLeftToThePattern() {
        byte[] kelvin = "\u212Aernel".getBytes(StandardCharsets.UTF_8);
        assertTrue(TextSearch.mayStartWith(kelvin, 0, kelvin.length, TextSearch.anchoredPrefix("^kernel")));
        assertTrue(Pattern.compile("^kernel", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                .matcher("\u212Aernel").find());
    }
}
