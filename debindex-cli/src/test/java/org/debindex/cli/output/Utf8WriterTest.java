package org.debindex.cli.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8WriterTest {

    /** Characters of every encoded length, and both surrogate halves alone and paired. */
    private static final char[] ALPHABET = {
        'a', 'Z', ' ', '\n', '\t', 0, 0x7F, 0x80, 0xE9, 0x7FF, 0x800, 0x20AC, 0xFFFD, 0xFFFF,
        0xD800, 0xDBFF, 0xDC00, 0xDFFF, 0xD83D, 0xDE00,
    };

    @Test
    void asciiAndMultiByteTextIsEncodedAsTheJdkEncodes() throws IOException {
        String text = "0ad  0.27.0-2+b1  trixie/main  amd64  Depends: libc6 (>= 2.39)\n"
                + "é ÿ ß € 中文 𝄞 😀 \u07FF \u0800 \uFFFF";
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), closed(text, 4096));
    }

    @Test
    void aPairSplitBetweenTwoWritesIsOneCharacter() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Utf8Writer w = new Utf8Writer(bytes);
        w.write("a\uD83D");
        w.write("\uDE00b");
        w.flush();
        assertArrayEquals("a😀b".getBytes(StandardCharsets.UTF_8), bytes.toByteArray());
    }

    @Test
    void aPairSplitByAFlushIsStillOneCharacter() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Utf8Writer w = new Utf8Writer(bytes);
        w.write("a\uD83D");
        w.flush();
        assertArrayEquals(new byte[] {'a'}, bytes.toByteArray(), "the high half waits for its partner");
        w.write('\uDE00');
        w.flush();
        assertArrayEquals("a😀".getBytes(StandardCharsets.UTF_8), bytes.toByteArray());
    }

    @Test
    void loneSurrogatesBecomeQuestionMarks() throws IOException {
        assertArrayEquals("?x?y??z?".getBytes(StandardCharsets.US_ASCII),
                closed("\uD800x\uDC00y\uDBFF\uD800z\uDFFF", 4096));
        // a high half followed by a pair: the first is lone, the pair is kept
        assertArrayEquals("?😀".getBytes(StandardCharsets.UTF_8), closed("\uD800\uD83D\uDE00", 4096));
    }

    @Test
    void closeWritesAPendingHighSurrogateAsAQuestionMark() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Utf8Writer w = new Utf8Writer(bytes);
        w.write("end\uD800");
        w.close();
        assertArrayEquals("end?".getBytes(StandardCharsets.US_ASCII), bytes.toByteArray());
    }

    @Test
    void writingAfterCloseFails() throws IOException {
        Utf8Writer w = new Utf8Writer(new ByteArrayOutputStream());
        w.close();
        w.close(); // a second close is harmless
        assertThrows(IOException.class, () -> w.write("x"));
        assertThrows(IOException.class, () -> w.write('x'));
        assertThrows(IOException.class, w::flush);
    }

    @Test
    void badArgumentsAreRejected() {
        Utf8Writer w = new Utf8Writer(new ByteArrayOutputStream());
        assertThrows(IndexOutOfBoundsException.class, () -> w.write("abc", 2, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> w.write(new char[3], -1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Utf8Writer(new ByteArrayOutputStream(), 3));
        assertThrows(NullPointerException.class, () -> new Utf8Writer(null));
    }

    /**
     * Random text in random pieces, through each write method and buffers from the smallest up:
     * closed, the bytes are String.getBytes's; flushed only, they are the JDK writer stack's.
     */
    @ParameterizedTest
    @ValueSource(ints = {4, 5, 7, 64, 1 << 16})
    void randomTextInRandomPiecesMatchesTheJdk(int bufferSize) throws IOException {
        Random random = new Random(20261201L + bufferSize);
        for (int round = 0; round < 300; round++) {
            String text = randomText(random, random.nextInt(400));
            long seed = random.nextLong();

            ByteArrayOutputStream ours = new ByteArrayOutputStream();
            Utf8Writer w = new Utf8Writer(ours, bufferSize);
            writeInPieces(text, w, new Random(seed));
            w.flush();
            ByteArrayOutputStream jdk = new ByteArrayOutputStream();
            Writer reference = new BufferedWriter(new OutputStreamWriter(jdk, StandardCharsets.UTF_8), 16);
            writeInPieces(text, reference, new Random(seed));
            reference.flush();
            assertArrayEquals(jdk.toByteArray(), ours.toByteArray(), () -> "flushed: " + escape(text));

            w.close();
            assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), ours.toByteArray(), () -> "closed: " + escape(text));
        }
    }

    @Test
    void theBufferIsWrittenWhenFull() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Utf8Writer w = new Utf8Writer(bytes, 8);
        w.write("0123456789€");
        assertEquals(8, bytes.size(), "a full buffer goes out before the rest is encoded");
        w.flush();
        assertArrayEquals("0123456789€".getBytes(StandardCharsets.UTF_8), bytes.toByteArray());
    }

    private static byte[] closed(String text, int bufferSize) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Utf8Writer w = new Utf8Writer(bytes, bufferSize)) {
            w.write(text);
        }
        return bytes.toByteArray();
    }

    private static String randomText(Random random, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(random.nextInt(3) == 0 ? (char) random.nextInt(0x10000) : ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return b.toString();
    }

    /** The text in pieces of 0 to 9 characters, each through a randomly chosen write method. */
    private static void writeInPieces(String text, Writer w, Random random) throws IOException {
        int at = 0;
        while (at < text.length()) {
            int n = Math.min(random.nextInt(10), text.length() - at);
            switch (random.nextInt(3)) {
                case 0 -> w.write(text, at, n);
                case 1 -> {
                    char[] chars = ("xx" + text.substring(at, at + n) + "y").toCharArray();
                    w.write(chars, 2, n);
                }
                default -> {
                    for (int i = at; i < at + n; i++) {
                        w.write(text.charAt(i));
                    }
                }
            }
            at += n;
        }
    }

    private static String escape(String text) {
        StringBuilder b = new StringBuilder();
        for (char c : text.toCharArray()) {
            b.append(c < 0x80 && c >= 0x20 ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return b.toString();
    }
}
