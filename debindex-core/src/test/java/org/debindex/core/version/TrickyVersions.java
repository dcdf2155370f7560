package org.debindex.core.version;

import java.util.List;

/**
 * The comparison table of {@code debian-repository-format.md} §5, plus a few cases it implies:
 * one place so that the unit test and the dpkg differential test check the same rows.
 */
final class TrickyVersions {

    /** One row: {@code a} compares to {@code b} as {@code sign} (-1, 0 or 1), and why. */
    record Row(String a, String b, int sign, String why) {

        @Override
        public String toString() {
            return a + " " + (sign < 0 ? "<" : sign > 0 ? ">" : "=") + " " + b + " (" + why + ")";
        }
    }

    static final List<Row> ROWS = List.of(
            new Row("1.0~rc1", "1.0", -1, "tilde sorts before end"),
            new Row("1.0~~", "1.0~", -1, "double tilde sorts before single tilde"),
            new Row("1.0~~a", "1.0~", -1, "double tilde sorts before single tilde, whatever follows"),
            new Row("1.0", "1.0-0", 0, "missing revision is 0"),
            new Row("1.0", "1.0-0~", 1, "tilde before end in revision"),
            new Row("1.0-1~bpo12+1", "1.0-1", -1, "backport suffix"),
            new Row("1.0-1", "1.0-1+b1", -1, "binNMU"),
            new Row("1:0.4", "10.3", 1, "epoch wins"),
            new Row("0:1.2.3", "1.2.3", 0, "zero epoch"),
            new Row("00:1.2.3", "1.2.3", 0, "zero epoch with leading zero"),
            new Row("2:1.0", "10:0.1", -1, "epochs compare numerically"),
            new Row("009ab5", "9ab5", 0, "leading zeros ignored"),
            new Row("1.0010", "1.10", 0, "leading zeros ignored inside"),
            new Row("5.10.0", "5.005", 1, "10 > 5"),
            new Row("1.3.2", "1.3.2a", -1, "end sorts before a letter"),
            new Row("1.2a", "1.2+", -1, "letters sort before non-letters"),
            new Row("1.0a", "1.0A", 1, "letters compare by ASCII code, upper case first"),
            new Row("1.0+", "1.0.", -1, "non-letters compare by ASCII code"),
            new Row("2a", "21", -1, "2 < 21 numerically"),
            new Row("3a9.8", "3~10", 1, "letter sorts after tilde"),
            new Row("1.2-5", "1.2-3-5", -1, "last hyphen splits: upstream 1.2 < 1.2-3"),
            new Row("1:2:123", "1:12:3", -1, "colon inside upstream; 2 < 12"),
            new Row("0.5.0~git", "0.5.0~git2", -1, "empty digit run counts as 0"),
            new Row("1.0", "1.0.0", -1, "a trailing non-digit run sorts after end"),
            new Row("123456789012345678901234567890", "123456789012345678901234567891", -1,
                    "digit runs longer than a long compare digit by digit"),
            new Row("1-1", "1-01", 0, "leading zeros ignored in the revision"));

    private TrickyVersions() {
    }
}
