package org.debindex.core.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.debindex.core.MalformedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one-line format ({@code .list} files and {@code --repo}), rule by rule, as apt 2.6 reads it. */
class OneLineSourcesTest {

    private static final SourcesParser PARSER = new SourcesParser("arm64");

    private static SourceList parse(String text) throws MalformedInputException {
        return PARSER.parseOneLine(text, "t.list");
    }

    private static SourceEntry only(String text) throws MalformedInputException {
        List<SourceEntry> entries = parse(text).entries();
        assertEquals(1, entries.size(), entries.toString());
        return entries.get(0);
    }

    private static MalformedInputException failure(String text) {
        return assertThrows(MalformedInputException.class, () -> parse(text));
    }

    @Test
    void plainEntries() throws Exception {
        SourceList list = parse("""
                # a comment
                deb http://mirror.example/debian trixie main contrib

                deb-src http://mirror.example/debian trixie main   # trailing comment
                """);
        assertEquals(2, list.entries().size());
        SourceEntry deb = list.entries().get(0);
        assertEquals(SourceType.DEB, deb.type());
        assertEquals(URI.create("http://mirror.example/debian/"), deb.uri());
        assertEquals("trixie", deb.suite());
        assertEquals(List.of("main", "contrib"), deb.components());
        assertEquals(Optional.empty(), deb.signedBy());
        assertEquals(SourceOptions.NONE, deb.options());
        assertEquals("t.list:2", deb.origin());
        assertFalse(deb.isFlat());
        SourceEntry src = list.entries().get(1);
        assertEquals(SourceType.DEB_SRC, src.type());
        assertEquals(List.of("main"), src.components());
        assertEquals(4, src.line());
        assertEquals(List.of(), list.warnings());
    }

    @Test
    void whiteSpaceTabsAndCarriageReturns() throws Exception {
        SourceEntry e = only("  \tdeb\thttp://mirror.example/debian\ttrixie \t main\r\n");
        assertEquals(List.of("main"), e.components());
        assertEquals("trixie", e.suite());
    }

    @Test
    void flatRepositories() throws Exception {
        SourceEntry dot = only("deb file:///srv/flat ./\n");
        assertTrue(dot.isFlat());
        assertEquals("./", dot.suite());
        assertEquals(List.of(), dot.components());
        assertEquals(URI.create("file:/srv/flat/"), dot.uri());
        assertEquals("sub/dir/", only("deb http://mirror.example/repo sub/dir/").suite());
        assertEquals("/", only("deb http://mirror.example/repo /").suite());
    }

    @Test
    void archVariable() throws Exception {
        // replaced in a flat suite and in the URI ...
        assertEquals("unstable/binary-arm64/", only("deb http://mirror.example/universe unstable/binary-$(ARCH)/").suite());
        assertEquals(URI.create("http://mirror.example/arm64/debian/"),
                only("deb http://mirror.example/$(ARCH)/debian trixie main").uri());
        // ... but apt leaves it in a one-line suite that is not flat: kept, with a warning
        SourceList list = parse("deb http://mirror.example/debian $(ARCH) main\n");
        assertEquals("$(ARCH)", list.entries().get(0).suite());
        assertEquals(1, list.warnings().size());
        assertTrue(list.warnings().get(0).toString().startsWith("t.list:1: \"$(ARCH)\" in suite"), list.warnings().toString());
    }

    @Test
    void options() throws Exception {
        SourceEntry e = only("deb [ arch=amd64,i386 signed-by=/usr/share/keyrings/example.pgp check-valid-until=no"
                + " trusted=yes lang=de,en target=Packages valid-until-max=604800 by-hash=force pdiffs=no ]"
                + " http://mirror.example/debian trixie main");
        SourceOptions o = e.options();
        assertEquals(MultiValueOption.of(List.of("amd64", "i386")), o.architectures());
        assertEquals(List.of("amd64", "i386"), e.architectures(List.of("arm64")));
        assertEquals(Optional.of("/usr/share/keyrings/example.pgp"), e.signedBy());
        assertEquals(Optional.of(false), o.checkValidUntil());
        assertEquals(Optional.of(true), o.trusted());
        assertTrue(o.weakensVerification());
        assertEquals(List.of("de", "en"), o.languages().resolve(List.of()));
        assertEquals(List.of("Packages"), o.targets().resolve(List.of()));
        assertEquals(Optional.of(Duration.ofSeconds(604800)), o.validUntilMax());
        assertEquals(Optional.of("force"), o.byHash());
        assertEquals(Optional.of(false), o.pdiffs());
        assertEquals(Optional.empty(), o.checkDate());
    }

    @Test
    void optionsTouchingTheBrackets() throws Exception {
        // apt accepts the last option glued to "]", and the URI glued after "]"
        assertEquals(List.of("amd64"), only("deb [arch=amd64 lang=de] http://mirror.example/d x main")
                .architectures(List.of()));
        assertEquals(List.of("amd64"), only("deb [ arch=amd64 ]http://mirror.example/d x main").architectures(List.of()));
        assertEquals(List.of("arm64"), only("deb [ ] http://mirror.example/d x main").architectures(List.of("arm64")));
        // a "#" inside the brackets does not start a comment
        assertEquals(Optional.of("/k#1.gpg"), only("deb [signed-by=/k#1.gpg] http://mirror.example/d x main # c").signedBy());
    }

    @Test
    void plusMinusForms() throws Exception {
        SourceEntry e = only("deb [arch+=i386,armhf arch-=arm64 lang-=de] http://mirror.example/d x main");
        assertEquals(new MultiValueOption(Optional.empty(), List.of("i386", "armhf"), List.of("arm64")),
                e.options().architectures());
        assertEquals(List.of("i386", "armhf"), e.architectures(List.of("arm64")));
        assertEquals(List.of("amd64", "i386", "armhf"), e.architectures(List.of("amd64", "i386")));
        assertEquals(List.of("en"), e.options().languages().resolve(List.of("de", "en")));
        // set, add and remove together: the set list replaces the default first
        SourceEntry all = only("deb [arch=amd64 arch+=i386 arch-=amd64] http://mirror.example/d x main");
        assertEquals(List.of("i386"), all.architectures(List.of("arm64")));
    }

    @Test
    void plusMinusOnlyForMultivalueOptions() throws Exception {
        SourceList list = parse("deb [trusted+=yes] http://mirror.example/d x main");
        assertEquals(Optional.empty(), list.entries().get(0).options().trusted());
        assertEquals(List.of("t.list:1: option \"trusted+=yes\" ignored: only arch, lang and target take \"+=\" and \"-=\""),
                warnings(list));
    }

    @Test
    void unknownOptionIsAWarning() throws Exception {
        SourceList list = parse("deb [foo=bar Arch=amd64] http://mirror.example/d x main\n");
        assertEquals(1, list.entries().size());
        assertEquals(List.of("t.list:1: unknown option \"foo=bar\" ignored (apt ignores it too)",
                "t.list:1: unknown option \"Arch=amd64\" ignored (apt ignores it too)"), warnings(list));
    }

    @Test
    void targetSwitches() throws Exception {
        SourceEntry e = only("deb [Contents-deb=no Translations=yes] http://mirror.example/d x main");
        assertEquals(Map.of("Contents-deb", false, "Translations", true), e.options().targetSwitches());
    }

    @Test
    void booleansAsAptReadsThem() throws Exception {
        assertEquals(Optional.of(true), only("deb [trusted=1] http://mirror.example/d x main").options().trusted());
        assertEquals(Optional.of(true), only("deb [trusted=On] http://mirror.example/d x main").options().trusted());
        assertEquals(Optional.of(false), only("deb [trusted=without] http://mirror.example/d x main").options().trusted());
        // a tri-state option apt cannot read is "no" in apt: kept so, with a warning
        SourceList odd = parse("deb [check-valid-until=maybe pdiffs=perhaps valid-until-min=10s] http://mirror.example/d x main");
        SourceOptions o = odd.entries().get(0).options();
        assertEquals(Optional.of(false), o.checkValidUntil());
        assertEquals(Optional.empty(), o.pdiffs());
        assertEquals(Optional.of(Duration.ofSeconds(10)), o.validUntilMin());
        assertEquals(List.of(
                "t.list:1: \"check-valid-until=maybe\": \"maybe\" is not a boolean; apt reads it as no",
                "t.list:1: \"pdiffs=perhaps\": \"perhaps\" is not a boolean; apt ignores it and keeps its default",
                "t.list:1: \"valid-until-min=10s\": \"10s\" is not a whole number of seconds; apt reads it as 10"),
                warnings(odd));
    }

    @Test
    void quotesAndPercentEscapes() throws Exception {
        SourceEntry quoted = only("deb \"http://mirror.example/my debian\" trixie main");
        assertEquals("/my debian/", quoted.uri().getPath());
        assertEquals("http://mirror.example/my%20debian/", quoted.uri().toString());
        SourceEntry escaped = only("deb http://mirror.example/d%20e x m%41in");
        assertEquals("/d e/", escaped.uri().getPath());
        assertEquals(List.of("mAin"), escaped.components());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "http://mirror.example/debian         | http://mirror.example/debian/",
        "http://mirror.example                | http://mirror.example/",
        "file:///srv/mirror                   | file:/srv/mirror/",
        "file:/srv/mirror/                    | file:/srv/mirror/",
        "http://user:pw@mirror.example:8080/d | http://user:pw@mirror.example:8080/d/",
        "http://[::1]:8080/d                  | http://[::1]:8080/d/",
        "mirror+file:/srv/mirrors.txt         | mirror+file:/srv/mirrors.txt/",
    })
    void urisNormalisedAsApt(String written, String normalised) throws Exception {
        assertEquals(normalised, only("deb " + written + " x main").uri().toString());
    }

    @Test
    void repoLine() throws Exception {
        SourceList list = PARSER.parseRepo("deb [signed-by=/srv/key.asc] file:/srv/mirror trixie main");
        SourceEntry e = list.entries().get(0);
        assertEquals("--repo", e.source());
        assertEquals("--repo:1", e.origin());
        assertEquals(URI.create("file:/srv/mirror/"), e.uri());
        assertEquals("--repo:1: no source in \"# nothing\"; expected \"deb [options] URI suite [component...]\"",
                assertThrows(MalformedInputException.class, () -> PARSER.parseRepo("# nothing")).getMessage());
        assertEquals("--repo:1: a --repo value must be one line; expected \"deb [options] URI suite [component...]\"",
                assertThrows(MalformedInputException.class, () -> PARSER.parseRepo("deb file:/a x main\ndeb file:/b y main"))
                        .getMessage());
        assertEquals("--repo:1: no component after suite \"trixie\"; expected at least one, or a suite ending in \"/\""
                        + " for a flat repository",
                assertThrows(MalformedInputException.class, () -> PARSER.parseRepo("deb file:/srv/mirror trixie")).getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // apt 2.6's reason in brackets after each case
        "deb                                              | 1 | line \"deb\" has only one word; expected \"deb [options] URI suite [component...]\"",
        "rpm http://mirror.example/d x main               | 1 | unknown type \"rpm\"; expected \"deb\" or \"deb-src\"",
        "Deb http://mirror.example/d x main               | 1 | unknown type \"Deb\"; expected \"deb\" or \"deb-src\"",
        "deb http://mirror.example/d                      | 1 | no suite after the URI \"http://mirror.example/d\"; expected \"deb [options] URI suite [component...]\"",
        "deb http://mirror.example/d # x main             | 1 | no suite after the URI \"http://mirror.example/d\"; expected \"deb [options] URI suite [component...]\"",
        "deb [arch=amd64]                                 | 1 | no URI after the type; expected \"deb [options] URI suite [component...]\"",
        "deb http://mirror.example/d x                    | 1 | no component after suite \"x\"; expected at least one, or a suite ending in \"/\" for a flat repository",
        "deb http://mirror.example/d x/ main              | 1 | flat repository suite \"x/\" (ending in \"/\") must not be followed by components, found \"main\"",
        "deb mirror.example/d x main                      | 1 | URI \"mirror.example/d\" has no scheme; expected one such as \"http:\", \"https:\" or \"file:\"",
        "deb [arch=amd64]http://mirror.example/d x main   | 1 | option \"x\" is too short; expected \"name=value\"",
        "deb [arch] http://mirror.example/d x main        | 1 | option \"arch\" has no \"=\"; expected \"name=value\"",
        "deb [a=] http://mirror.example/d x main          | 1 | option \"a=\" has no value; expected \"name=value\"",
        "deb [=a] http://mirror.example/d x main          | 1 | option \"=a\" has no name; expected \"name=value\"",
        "deb [arch=amd64 # c] http://mirror.example/d x main | 1 | option \"#\" is too short; expected \"name=value\"",
        "deb [arch=amd64 http://mirror.example/d x main   | 1 | option \"http://mirror.example/d\" has no \"=\"; expected \"name=value\"",
        "deb [a=b c=d                                     | 1 | options are not closed with \"]\"; expected \"deb [options] URI suite [component...]\"",
        "deb [a=b%5D                                      | 1 | options are not closed with \"]\"; expected \"deb [options] URI suite [component...]\"",
        "deb \"http://mirror.example/d x main             | 1 | the URI has a double quote that is not closed",
        "deb [signed-by=abc] http://mirror.example/d x main | 1 | Signed-By value \"abc\" is neither an absolute keyring path nor a 40-digit fingerprint",
        "deb [signed-by=keys/x.gpg] http://mirror.example/d x main | 1 | Signed-By value \"keys/x.gpg\" is neither an absolute keyring path nor a 40-digit fingerprint",
        "deb [signed-by=0123456789ABCDEF] http://mirror.example/d x main | 1 | Signed-By value \"0123456789ABCDEF\" is neither an absolute keyring path nor a 40-digit fingerprint",
        "deb http://mirror.example/d \"\" main            | 1 | empty suite; expected \"deb [options] URI suite [component...]\"",
    })
    void malformedLines(String line, long lineNo, String problem) {
        MalformedInputException e = failure("# first line\n\n" + line + "\n");
        assertEquals("t.list", e.source());
        assertEquals(lineNo + 2, e.line());
        assertEquals(problem, e.problem());
        assertEquals("t.list:" + (lineNo + 2) + ": " + problem, e.getMessage());
    }

    @Test
    void signedByForms() throws Exception {
        String fpr = "0123456789abcdef0123456789ABCDEF01234567";
        assertEquals(Optional.of(fpr), only("deb [signed-by=" + fpr + "] http://mirror.example/d x main").signedBy());
        assertEquals(Optional.of(fpr + "!"), only("deb [signed-by=" + fpr + "!] http://mirror.example/d x main").signedBy());
        assertEquals(Optional.of("/a.gpg," + fpr), only("deb [signed-by=/a.gpg," + fpr + "] http://mirror.example/d x main")
                .signedBy());
    }

    @Test
    void invalidUtf8IsAnErrorWithItsLine(@TempDir Path tmp) throws Exception {
        byte[] line = "deb http://mirror.example/d x main\n".getBytes(StandardCharsets.US_ASCII);
        byte[] data = new byte[line.length * 2];
        System.arraycopy(line, 0, data, 0, line.length);
        System.arraycopy(line, 0, data, line.length, line.length);
        data[line.length + 5] = (byte) 0xff;
        Path file = Files.write(tmp.resolve("bad.list"), data);
        MalformedInputException e = assertThrows(MalformedInputException.class, () -> PARSER.parseFile(file));
        assertEquals(file + ":2: invalid UTF-8", e.getMessage());
    }

    @Test
    void architectureMustBeAName() {
        assertThrows(IllegalArgumentException.class, () -> new SourcesParser(""));
        assertThrows(IllegalArgumentException.class, () -> new SourcesParser("AMD64"));
        assertThrows(NullPointerException.class, () -> new SourcesParser(null));
    }

    static List<String> warnings(SourceList list) {
        return list.warnings().stream().map(SourceWarning::toString).toList();
    }
}
