package org.debindex.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.debindex.core.index.PackageEntry;
import org.debindex.core.index.PackageOrigin;
import org.debindex.core.version.DebianVersion;
import org.junit.jupiter.api.Test;

class PackageFilterTest {

    private static final PackageEntry BOOKWORM_ALL = new PackageEntry(0, "tzdata", DebianVersion.of("2024a-0+deb12u1"),
            "all", new PackageOrigin("stable", "bookworm", "main", "amd64"), "time zone data");

    @Test
    void onlyTheFilterWithoutOptionsIsUnrestricted() {
        assertTrue(PackageFilter.NONE.isUnrestricted());
        assertFalse(new PackageFilter(Optional.of("trixie"), Optional.empty()).isUnrestricted());
        assertFalse(new PackageFilter(Optional.empty(), Optional.of("amd64")).isUnrestricted());
    }

    @Test
    void anUnrestrictedFilterMatchesAndARestrictedOneSelects() {
        assertTrue(PackageFilter.NONE.matches(BOOKWORM_ALL));
        assertTrue(new PackageFilter(Optional.of("stable"), Optional.of("amd64")).matches(BOOKWORM_ALL));
        assertTrue(new PackageFilter(Optional.of("bookworm"), Optional.of("all")).matches(BOOKWORM_ALL));
        assertFalse(new PackageFilter(Optional.of("trixie"), Optional.empty()).matches(BOOKWORM_ALL));
        assertFalse(new PackageFilter(Optional.empty(), Optional.of("arm64")).matches(BOOKWORM_ALL));
    }
}
