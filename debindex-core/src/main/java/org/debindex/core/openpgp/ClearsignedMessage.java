package org.debindex.core.openpgp;

import static org.debindex.core.MalformedInputException.quote;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.debindex.core.FindingCode;
import org.debindex.core.VerificationException;

/**
 * An {@code InRelease} file split strictly into its signed text and its signature blocks
 * (RFC 9580 §7, the Cleartext Signature Framework, read the way apt reads it since 1.8.0 and
 * stricter where apt hands the file to gpgv unchecked; trust-chain.md §2C and §3).
 *
 * <p>The rules, each refused with {@link FindingCode#CLEARSIGN_MALFORMED} and the line number:
 * <ul>
 * <li>Every line loses its trailing CR, spaces and TABs (RFC 9580 §7.2), so LF and CRLF files read
 *     the same.</li>
 * <li>Line 1 is exactly {@code -----BEGIN PGP SIGNED MESSAGE-----}: nothing may come before it.</li>
 * <li>Armor headers run to the first empty line; only {@code Hash:} headers naming algorithms of
 *     RFC 9580 §9.5 are allowed (RFC 9580 §7.1; GnuPG's rule, cf. CVE-2019-11841). Whether they
 *     include each signature's digest is checked by {@link ReleaseSignatures}.</li>
 * <li>In the message, a line starting with {@code -} must be dash-escaped ({@code "- "}, removed)
 *     or be {@code -----BEGIN PGP SIGNATURE-----}, which ends the message.</li>
 * <li>After the message only complete signature blocks may follow (several are allowed); any other
 *     line, including an empty one, is an unsigned line, and an unclosed block is an error.</li>
 * </ul>
 * A file with no line starting {@code -----BEGIN PGP SIGNED MESSAGE} at all (an empty file, a
 * captive portal's HTML page) is refused with {@link FindingCode#SIG_NODATA} instead: it does not
 * even try to be signed.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ClearsignedMessage {

    /** The first line of every clearsigned message (RFC 9580 §7). */
    public static final String BEGIN_SIGNED = "-----BEGIN PGP SIGNED MESSAGE-----";
    private static final String BEGIN_SIGNATURE = "-----BEGIN PGP SIGNATURE-----";

    /** Digest names allowed in a {@code Hash:} header (RFC 9580 §9.5, "Text Name"). */
    static final Set<String> HASH_NAMES = Set.of(
            "MD5", "SHA1", "RIPEMD160", "SHA256", "SHA384", "SHA512", "SHA224", "SHA3-256", "SHA3-512");

    private final String source;
    private final List<String> hashHeaders;
    private final List<String> lines;
    private final List<Armor.Block> signatureBlocks;

    private ClearsignedMessage(String source, List<String> hashHeaders, List<String> lines,
                               List<Armor.Block> signatureBlocks) {
        this.source = source;
        this.hashHeaders = hashHeaders;
        this.lines = lines;
        this.signatureBlocks = signatureBlocks;
    }

    /**
     * Splits a clearsigned file.
     *
     * @param file   the whole file; not modified and not kept
     * @param source the file name for messages, e.g. {@code dists/trixie/InRelease}
     * @return the signed text and the signature blocks, not yet verified
     * @throws VerificationException {@link FindingCode#CLEARSIGN_MALFORMED} if the file breaks a
     *         rule above, {@link FindingCode#SIG_NODATA} if it is not a signed message at all;
     *         the message is {@code <source>:<line>: <what is wrong>}
     * @throws NullPointerException if an argument is null
     */
    public static ClearsignedMessage split(byte[] file, String source) throws VerificationException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(source, "source");
        List<String> all = TextLines.split(file);
        if (all.isEmpty() || !all.get(0).equals(BEGIN_SIGNED)) {
            int at = firstLineStarting(all, "-----BEGIN PGP SIGNED MESSAGE");
            if (at < 0) {
                throw new VerificationException(FindingCode.SIG_NODATA, source
                        + ": not a clearsigned file: no \"" + BEGIN_SIGNED + "\" line");
            }
            if (at == 0) {
                throw malformed(source, 1, "not clearsigned: line 1 is " + quote(all.get(0))
                        + "; expected \"" + BEGIN_SIGNED + "\"");
            }
            throw malformed(source, 1, "unsigned text before \"" + BEGIN_SIGNED + "\" on line " + (at + 1));
        }
        int i = 1;
        List<String> hashes = new ArrayList<>();
        for (; ; i++) {
            if (i >= all.size()) {
                throw malformed(source, all.size(), "end of file in the armor headers; expected an empty line and the message");
            }
            String line = all.get(i);
            if (line.isEmpty()) {
                i++;
                break;
            }
            if (line.startsWith("-")) {
                throw malformed(source, i + 1, "armor header " + quote(line) + " starts with \"-\"");
            }
            if (!line.startsWith("Hash: ")) {
                throw malformed(source, i + 1, "armor header " + quote(line) + " is not allowed; expected only \"Hash:\" headers");
            }
            for (String name : line.substring("Hash: ".length()).split(",", -1)) {
                String trimmed = name.strip();
                if (!HASH_NAMES.contains(trimmed)) {
                    throw malformed(source, i + 1, "unknown digest " + quote(trimmed) + " in \"Hash:\" header; expected names such as SHA256, SHA512");
                }
                hashes.add(trimmed);
            }
        }
        List<String> message = new ArrayList<>();
        for (; ; i++) {
            if (i >= all.size()) {
                throw malformed(source, all.size(), "end of file in the signed message; expected \"" + BEGIN_SIGNATURE + "\"");
            }
            String line = all.get(i);
            if (line.startsWith("-")) {
                if (line.equals(BEGIN_SIGNATURE)) {
                    break;
                }
                if (line.startsWith("- ")) {
                    message.add(line.substring(2));
                    continue;
                }
                throw malformed(source, i + 1, "line " + quote(line) + " starts with \"-\" but is not dash-escaped");
            }
            message.add(line);
        }
        List<Armor.Block> blocks = new ArrayList<>();
        List<String> problems = new ArrayList<>(1);
        while (i < all.size()) {
            String line = all.get(i);
            if (!line.equals(BEGIN_SIGNATURE)) {
                throw malformed(source, i + 1, "unsigned line " + quote(line) + " after the signature; expected only signature blocks");
            }
            int end = Armor.decode(all, i, "SIGNATURE", blocks, problems);
            if (end < 0) {
                throw malformedAt(source, problems.get(0));
            }
            i = end + 1;
        }
        return new ClearsignedMessage(source, List.copyOf(hashes), Collections.unmodifiableList(message), List.copyOf(blocks));
    }

    /** The file name given to {@link #split}. */
    public String source() {
        return source;
    }

    /**
     * The digests named by the {@code Hash:} armor headers, in order; empty when there were none
     * (RFC 9580 §7.1 makes the header optional).
     */
    public List<String> hashHeaders() {
        return hashHeaders;
    }

    /** How many armored signature blocks follow the message. */
    public int signatureBlockCount() {
        return signatureBlocks.size();
    }

    /**
     * The signed text as a Release parser wants it: the message lines, dash-escapes removed and
     * trailing whitespace stripped, each ended by LF — byte for byte the {@code Release} file the
     * archive signed, when that file has no trailing whitespace. A fresh array on each call.
     */
    public byte[] text() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(estimate());
        for (String line : lines) {
            out.writeBytes(TextLines.bytes(line));
            out.write('\n');
        }
        return out.toByteArray();
    }

    /**
     * The exact bytes a canonical-text (0x01) signature covers: the lines joined by CRLF, with no
     * line break after the last (RFC 9580 §7.2 and §5.2.4). A fresh array on each call.
     */
    public byte[] canonicalText() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(estimate());
        for (int k = 0; k < lines.size(); k++) {
            if (k > 0) {
                out.write('\r');
                out.write('\n');
            }
            out.writeBytes(TextLines.bytes(lines.get(k)));
        }
        return out.toByteArray();
    }

    List<Armor.Block> signatureBlocks() {
        return signatureBlocks;
    }

    private int estimate() {
        int n = 0;
        for (String line : lines) {
            n += line.length() + 2;
        }
        return n;
    }

    private static int firstLineStarting(List<String> lines, String prefix) {
        for (int k = 0; k < lines.size(); k++) {
            if (lines.get(k).startsWith(prefix)) {
                return k;
            }
        }
        return -1;
    }

    private static VerificationException malformed(String source, int line, String problem) {
        return new VerificationException(FindingCode.CLEARSIGN_MALFORMED, source + ":" + line + ": " + problem);
    }

    private static VerificationException malformedAt(String source, String lineAndProblem) {
        return new VerificationException(FindingCode.CLEARSIGN_MALFORMED, source + ":" + lineAndProblem);
    }
}
