package org.debindex.core.openpgp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.debindex.core.FindingCode;
import org.debindex.core.VerificationException;
import org.junit.jupiter.api.Test;

/** The strict cleartext split on its own, message by message (no keys needed). */
class ClearsignedMessageTest {

    private static final String SIG = "-----BEGIN PGP SIGNATURE-----\n\niQ==\n=AAAA\n-----END PGP SIGNATURE-----\n";

    private static ClearsignedMessage split(String file) throws VerificationException {
        return ClearsignedMessage.split(file.getBytes(StandardCharsets.ISO_8859_1), "InRelease");
    }

    private static VerificationException refused(String file, FindingCode code, String message) {
        VerificationException e = assertThrows(VerificationException.class, () -> split(file));
        assertEquals(code, e.code());
        assertEquals(message, e.getMessage());
        return e;
    }

    @Test
    void splitsTextHeadersAndBlocks() throws Exception {
        ClearsignedMessage m = split("-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256, SHA512\nHash: SHA1\n\n"
                + "A: 1\n- -B: 2\n\nC: 3  \n" + SIG + SIG);
        assertEquals(List.of("SHA256", "SHA512", "SHA1"), m.hashHeaders());
        assertArrayEquals("A: 1\n-B: 2\n\nC: 3\n".getBytes(StandardCharsets.US_ASCII), m.text());
        assertArrayEquals("A: 1\r\n-B: 2\r\n\r\nC: 3".getBytes(StandardCharsets.US_ASCII), m.canonicalText());
        assertEquals(2, m.signatureBlockCount());
        assertEquals("InRelease", m.source());
    }

    @Test
    void emptyMessageIsEmptyText() throws Exception {
        ClearsignedMessage m = split("-----BEGIN PGP SIGNED MESSAGE-----\n\n" + SIG);
        assertEquals(0, m.text().length);
        assertEquals(List.of(), m.hashHeaders());
    }

    @Test
    void everyRuleHasItsMessage() {
        refused("", FindingCode.SIG_NODATA,
                "InRelease: not a clearsigned file: no \"-----BEGIN PGP SIGNED MESSAGE-----\" line");
        refused("x\n-----BEGIN PGP SIGNED MESSAGE-----\n\nA\n" + SIG, FindingCode.CLEARSIGN_MALFORMED,
                "InRelease:1: unsigned text before \"-----BEGIN PGP SIGNED MESSAGE-----\" on line 2");
        refused("-----BEGIN PGP SIGNED MESSAGE-----x\n\nA\n" + SIG, FindingCode.CLEARSIGN_MALFORMED,
                "InRelease:1: not clearsigned: line 1 is \"-----BEGIN PGP SIGNED MESSAGE-----x\"; "
                        + "expected \"-----BEGIN PGP SIGNED MESSAGE-----\"");
        refused("-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256", FindingCode.CLEARSIGN_MALFORMED,
                "InRelease:2: end of file in the armor headers; expected an empty line and the message");
        refused("-----BEGIN PGP SIGNED MESSAGE-----\nComment: x\n\nA\n" + SIG, FindingCode.CLEARSIGN_MALFORMED,
                "InRelease:2: armor header \"Comment: x\" is not allowed; expected only \"Hash:\" headers");
        refused("-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256,MD4\n\nA\n" + SIG, FindingCode.CLEARSIGN_MALFORMED,
                "InRelease:2: unknown digest \"MD4\" in \"Hash:\" header; expected names such as SHA256, SHA512");
        refused("-----BEGIN PGP SIGNED MESSAGE-----\n\nA\n--B\n" + SIG, FindingCode.CLEARSIGN_MALFORMED,
                "InRelease:4: line \"--B\" starts with \"-\" but is not dash-escaped");
        refused("-----BEGIN PGP SIGNED MESSAGE-----\n\nA\n", FindingCode.CLEARSIGN_MALFORMED,
                "InRelease:3: end of file in the signed message; expected \"-----BEGIN PGP SIGNATURE-----\"");
        refused("-----BEGIN PGP SIGNED MESSAGE-----\n\nA\n" + SIG + "\n", FindingCode.CLEARSIGN_MALFORMED,
                "InRelease:9: unsigned line \"\" after the signature; expected only signature blocks");
        refused("-----BEGIN PGP SIGNED MESSAGE-----\n\nA\n-----BEGIN PGP SIGNATURE-----\n\niQ==\n", FindingCode.CLEARSIGN_MALFORMED,
                "InRelease:6: armored block opened on line 4 is not closed; expected \"-----END PGP SIGNATURE-----\"");
        refused("-----BEGIN PGP SIGNED MESSAGE-----\n\nA\n-----BEGIN PGP SIGNATURE-----\niQ==\n-----END PGP SIGNATURE-----\n",
                FindingCode.CLEARSIGN_MALFORMED, "InRelease:5: invalid armor header \"iQ==\"; expected \"Name: value\" and then an empty line");
        refused("-----BEGIN PGP SIGNED MESSAGE-----\n\nA\n-----BEGIN PGP SIGNATURE-----\n\ni*==\n-----END PGP SIGNATURE-----\n",
                FindingCode.CLEARSIGN_MALFORMED, "InRelease:6: invalid base64 line \"i*==\" in armored block opened on line 4");
    }

    @Test
    void crlfAndTrailingBlanksReadAsLf() throws Exception {
        ClearsignedMessage m = split(("-----BEGIN PGP SIGNED MESSAGE-----  \nHash: SHA512\t\n \nA: 1 \n" + SIG).replace("\n", "\r\n"));
        assertArrayEquals("A: 1\n".getBytes(StandardCharsets.US_ASCII), m.text());
    }
}
