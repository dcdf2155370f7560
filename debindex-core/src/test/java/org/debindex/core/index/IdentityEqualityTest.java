package org.debindex.core.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link InputIdentity} and {@link PackageOrigin} write out equals and hashCode: every component must count. */
class IdentityEqualityTest {

    private static final String SHA = "a".repeat(64);
    private static final PackageOrigin ORIGIN = new PackageOrigin("stable", "trixie", "main", "amd64");
    private static final InputIdentity INPUT =
            new InputIdentity(IndexKind.PACKAGES, ORIGIN, "trixie/main/binary-amd64/Packages.xz", 10, SHA);

    @Test
    void equalComponentsAreEqualWithEqualHashes() {
        PackageOrigin origin = new PackageOrigin("stable", "trixie", "main", "amd64");
        InputIdentity input = new InputIdentity(IndexKind.PACKAGES, origin,
                "trixie/main/binary-amd64/Packages.xz", 10, SHA.toUpperCase());
        assertEquals(ORIGIN, origin);
        assertEquals(ORIGIN.hashCode(), origin.hashCode());
        assertEquals(INPUT, input);
        assertEquals(INPUT.hashCode(), input.hashCode());
        assertEquals(List.of(INPUT), List.of(input));
    }

    @Test
    void everyOriginComponentCounts() {
        assertNotEquals(ORIGIN, new PackageOrigin("testing", "trixie", "main", "amd64"));
        assertNotEquals(ORIGIN, new PackageOrigin("stable", "forky", "main", "amd64"));
        assertNotEquals(ORIGIN, new PackageOrigin("stable", "trixie", "contrib", "amd64"));
        assertNotEquals(ORIGIN, new PackageOrigin("stable", "trixie", "main", "arm64"));
        assertNotEquals(ORIGIN, null);
        assertNotEquals(ORIGIN, "stable");
    }

    @Test
    void everyInputComponentCounts() {
        String name = INPUT.displayName();
        assertNotEquals(INPUT, new InputIdentity(IndexKind.SOURCES, ORIGIN, name, 10, SHA));
        assertNotEquals(INPUT, new InputIdentity(IndexKind.PACKAGES,
                new PackageOrigin("stable", "trixie", "main", "i386"), name, 10, SHA));
        assertNotEquals(INPUT, new InputIdentity(IndexKind.PACKAGES, ORIGIN, name + ".gz", 10, SHA));
        assertNotEquals(INPUT, new InputIdentity(IndexKind.PACKAGES, ORIGIN, name, 11, SHA));
        assertNotEquals(INPUT, new InputIdentity(IndexKind.PACKAGES, ORIGIN, name, 10, "b".repeat(64)));
        assertNotEquals(INPUT, new InputIdentity(IndexKind.PACKAGES, ORIGIN, name, 10, ""));
        assertNotEquals(INPUT, null);
    }
}
