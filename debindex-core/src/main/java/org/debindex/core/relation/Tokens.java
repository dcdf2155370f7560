package org.debindex.core.relation;

import org.debindex.core.MalformedInputException;

/**
 * The character rules of relation fields, shared by the parser (which reports them as input errors)
 * and the record constructors (which report them as programming errors).
 *
 * <p>ASCII only, as Debian Policy §5.1 and §7.1 define these tokens; no {@code Character.isLetter}.
 */
final class Tokens {

    private Tokens() {
    }

    /** Whitespace inside a folded value: space, tab, and the line ends of continuation lines. */
    static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /**
     * Characters that end a word (a package name, an architecture, a profile, a version) because
     * they start or end another part of the syntax. The {@code :} of an architecture qualifier is
     * not one: versions contain it (epochs), so only the package-name scan stops there.
     */
    static boolean isDelimiter(char c) {
        switch (c) {
            case ',', '|', '(', ')', '[', ']', '<', '>':
                return true;
            default:
                return false;
        }
    }

    /** Character classes of ASCII, one bit each; a constant table, written only here. */
    private static final byte[] CLASSES = new byte[128];
    private static final byte LOWER_ALNUM = 1;
    private static final byte UPPER = 2;
    /** dpkg's package-name characters besides letters and digits. */
    private static final byte NAME_PUNCT = 4;
    /** Policy's package-name (and build-profile) characters besides letters and digits. */
    private static final byte POLICY_PUNCT = 8;

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            CLASSES[c] = LOWER_ALNUM;
        }
        for (char c = '0'; c <= '9'; c++) {
            CLASSES[c] = LOWER_ALNUM;
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            CLASSES[c] = UPPER;
        }
        CLASSES['+'] = NAME_PUNCT | POLICY_PUNCT;
        CLASSES['-'] = NAME_PUNCT | POLICY_PUNCT;
        CLASSES['.'] = NAME_PUNCT | POLICY_PUNCT;
        CLASSES['_'] = NAME_PUNCT;
    }

    private static boolean is(char c, int classes) {
        return c < 128 && (CLASSES[c] & classes) != 0;
    }

    static boolean isLowerAlnum(char c) {
        return is(c, LOWER_ALNUM);
    }

    static boolean isAlnum(char c) {
        return is(c, LOWER_ALNUM | UPPER);
    }

    /** Whether {@code c} may appear in a package name after the first character (dpkg's rule). */
    static boolean isPackageNameChar(char c) {
        return is(c, LOWER_ALNUM | UPPER | NAME_PUNCT);
    }

    /**
     * Why {@code name} cannot be a package name, or null when it can.
     *
     * <p>The rule is dpkg's ({@code pkg_name_is_illegal}): an ASCII letter or digit, then letters,
     * digits and {@code + - . _}. It is wider than Policy §5.6.1 (lower case, at least two
     * characters, no underscore) because dpkg installs such packages and third-party archives
     * publish them; {@link #isPolicyPackageName} tells the difference for lint.
     */
    static String packageNameProblem(CharSequence name) {
        if (name.length() == 0) {
            return "must not be empty";
        }
        if (!isAlnum(name.charAt(0))) {
            return "must start with a letter or digit";
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isPackageNameChar(c)) {
                return "character " + MalformedInputException.quote(String.valueOf(c))
                        + " not allowed (only letters, digits and \"+-._\")";
            }
        }
        return null;
    }

    /** Whether {@code name} follows Policy §5.6.1: {@code [a-z0-9][a-z0-9+.-]+}. */
    static boolean isPolicyPackageName(CharSequence name) {
        if (name.length() < 2 || !isLowerAlnum(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            if (!is(name.charAt(i), LOWER_ALNUM | POLICY_PUNCT)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Why {@code name} cannot be an architecture name or wildcard (in a qualifier or a
     * restriction list), or null when it can.
     *
     * <p>dpkg's character set ({@code dpkg_arch_name_is_illegal}: letters, digits, {@code -},
     * starting with a letter or digit) restricted to lower case: every Debian architecture and
     * wildcard is lower case, and dpkg and apt disagree on upper-case ones (dpkg folds case, apt
     * does not), so accepting them would make the meaning depend on the tool.
     */
    static String architectureNameProblem(CharSequence name) {
        if (name.length() == 0) {
            return "must not be empty";
        }
        if (!isLowerAlnum(name.charAt(0))) {
            return "must start with a lower-case letter or digit";
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isLowerAlnum(c) && c != '-') {
                return "character " + MalformedInputException.quote(String.valueOf(c))
                        + " not allowed (only lower-case letters, digits and \"-\")";
            }
        }
        return null;
    }

    /**
     * Why {@code name} cannot be a build profile name, or null when it can.
     *
     * <p>Lower-case letters, digits and {@code + - .}, starting with a letter or digit: the
     * package-name characters, which every registered profile ({@code nocheck}, {@code stage1},
     * {@code pkg.<source>.<name>}) and every profile in the Debian archive uses. dpkg 1.23 accepts
     * more for now ("for extensibility"); such names would be an error here.
     */
    static String profileNameProblem(CharSequence name) {
        if (name.length() == 0) {
            return "must not be empty";
        }
        if (!isLowerAlnum(name.charAt(0))) {
            return "must start with a lower-case letter or digit";
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!is(c, LOWER_ALNUM | POLICY_PUNCT)) {
                return "character " + MalformedInputException.quote(String.valueOf(c))
                        + " not allowed (only lower-case letters, digits and \"+-.\")";
            }
        }
        return null;
    }

    /**
     * Throws {@link IllegalArgumentException} when {@code problem} is set, naming {@code what} and
     * the bad value: {@code invalid package name "a b": character " " not allowed (...)}.
     */
    static void check(String problem, String what, String value) {
        if (problem != null) {
            throw new IllegalArgumentException(
                    "invalid " + what + " " + MalformedInputException.quote(value) + ": " + problem);
        }
    }
}
