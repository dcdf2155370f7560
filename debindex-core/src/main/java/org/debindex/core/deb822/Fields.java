package org.debindex.core.deb822;

/**
 * Byte-level rules shared by the reader and {@link FieldName}: ASCII case folding.
 *
 * <p>Stateless and thread-safe.
 */
final class Fields {

    private Fields() {
    }

    /** ASCII lower case; other bytes unchanged (no locale, no Unicode rules, per Policy). */
    static byte lower(byte b) {
        return (b >= 'A' && b <= 'Z') ? (byte) (b | 0x20) : b;
    }
}
