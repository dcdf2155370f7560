package org.debindex.core.compress;

import java.util.Arrays;
import java.util.Objects;

/**
 * The compression formats of Debian index files, recognised by their magic bytes.
 *
 * <p>A Debian archive offers each index ({@code Packages}, {@code Sources}, {@code
 * Translation-*}, {@code Contents-*}) in one or more of these formats; apt itself may store its
 * lists as {@code .lz4} or {@code .zst}. debindex never trusts a file name: {@link #detect} looks
 * at the first bytes only, and a name's suffix ({@link #fileSuffix()}) is used only to build the
 * path of a file to fetch.
 *
 * <p>Legacy formats are not listed: {@code .lzma} (lzma-alone, which has no magic number), the
 * legacy LZ4 format and Unix {@code compress} ({@code .Z}) are not used by Debian archives or
 * apt's lists today. {@link Decompressors} rejects data that looks like one of them as
 * {@link DecompressionException.Reason#UNSUPPORTED} rather than passing it on as text.
 *
 * <p>Thread-safe (an enum).
 */
public enum Compression {

    /** xz (LZMA2), {@code .xz}: magic {@code FD 37 7A 58 5A 00}. Debian's main format. */
    XZ("xz", ".xz", 0xFD, '7', 'z', 'X', 'Z', 0x00),
    /** gzip (deflate, RFC 1952), {@code .gz}: magic {@code 1F 8B}. */
    GZIP("gzip", ".gz", 0x1F, 0x8B),
    /** bzip2, {@code .bz2}: magic {@code "BZh"} followed by a block-size digit 1 to 9. */
    BZIP2("bzip2", ".bz2", 'B', 'Z', 'h'),
    /** The LZ4 frame format (as the {@code lz4} tool and apt write it), {@code .lz4}: magic {@code 04 22 4D 18}. */
    LZ4("lz4", ".lz4", 0x04, 0x22, 0x4D, 0x18),
    /** Zstandard (RFC 8878), {@code .zst}: magic {@code 28 B5 2F FD}. */
    ZSTD("zstd", ".zst", 0x28, 0xB5, 0x2F, 0xFD),
    /** No known compression: the data is passed on as it is. */
    NONE("uncompressed", "");

    /** How many leading bytes {@link #detect} needs to tell every format apart. */
    public static final int MAGIC_LENGTH = 6;

    private final String formatName;
    private final String fileSuffix;
    private final byte[] magic;

    Compression(String formatName, String fileSuffix, int... magic) {
        this.formatName = formatName;
        this.fileSuffix = fileSuffix;
        this.magic = new byte[magic.length];
        for (int i = 0; i < magic.length; i++) {
            this.magic[i] = (byte) magic[i];
        }
    }

    /**
     * Recognises the format from the first bytes of the data.
     *
     * <p>Give at least {@link #MAGIC_LENGTH} bytes when the data has that many. Data shorter than
     * a format's magic number is never taken for that format: 0 to 3 bytes that begin like a
     * magic number are {@link #NONE} (such short data cannot be a compressed index anyway, and a
     * reader will reject it by size or content).
     *
     * @param head   the first bytes of the data
     * @param length how many bytes of {@code head} are valid
     * @return the format, {@link #NONE} if no magic number matches
     * @throws NullPointerException if {@code head} is null
     * @throws IndexOutOfBoundsException if {@code length} is negative or beyond {@code head}
     */
    public static Compression detect(byte[] head, int length) {
        Objects.requireNonNull(head, "head");
        Objects.checkFromIndexSize(0, length, head.length);
        for (Compression c : values()) {
            if (c != NONE && c.matches(head, length)) {
                return c;
            }
        }
        return NONE;
    }

    /**
     * Recognises the format from the first bytes of the data; as {@code detect(head, head.length)}.
     *
     * @param head the first bytes of the data (at least {@link #MAGIC_LENGTH} when available)
     * @return the format, {@link #NONE} if no magic number matches
     * @throws NullPointerException if {@code head} is null
     */
    public static Compression detect(byte[] head) {
        return detect(head, head.length);
    }

    /** The format's usual name, as its command-line tool is called: {@code xz}, {@code gzip}... */
    public String formatName() {
        return formatName;
    }

    /**
     * The suffix Debian and apt give files in this format: {@code .xz}, {@code .gz}, {@code .bz2},
     * {@code .lz4}, {@code .zst}, and empty for {@link #NONE}.
     */
    public String fileSuffix() {
        return fileSuffix;
    }

    /** A copy of the magic number this format is recognised by; empty for {@link #NONE}. */
    public byte[] magic() {
        return magic.clone();
    }

    private boolean matches(byte[] head, int length) {
        if (this == BZIP2) {
            // "BZh" alone is plausible text; the block-size digit makes the match specific.
            return length >= 4 && startsWith(head, magic) && head[3] >= '1' && head[3] <= '9';
        }
        return length >= magic.length && startsWith(head, magic);
    }

    private static boolean startsWith(byte[] head, byte[] prefix) {
        return Arrays.equals(head, 0, prefix.length, prefix, 0, prefix.length);
    }
}
