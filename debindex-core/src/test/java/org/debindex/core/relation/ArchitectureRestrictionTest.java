package org.debindex.core.relation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whether a relation with an architecture list applies to a host architecture. */
class ArchitectureRestrictionTest {

    @ParameterizedTest(name = "[{0}{1}] on {2}")
    @CsvSource({
        "'', 'amd64 i386', amd64, true",
        "'', 'amd64 i386', i386, true",
        "'', 'amd64 i386', arm64, false",
        "'', 'amd64 i386', x32, false",
        "!, 'hurd-any kfreebsd-any', amd64, true",
        "!, 'hurd-any kfreebsd-any', hurd-i386, false",
        "!, 'hurd-any kfreebsd-any', kfreebsd-amd64, false",
        "'', 'linux-any', armhf, true",
        "'', 'linux-any', hurd-amd64, false",
        "'', 'any-amd64', x32, true",
        "'', 'any-amd64', kfreebsd-amd64, true",
        "'', 'any-amd64', i386, false",
        "!, 'any-arm', armel, false",
        "!, 'any-arm', arm64, true",
        "'', 'any', riscv64, true",
        "!, 'any', riscv64, false",
        "'', 'foo', foo, true",
        "'', 'foo', amd64, false",
    })
    void applies_to(String bang, String names, String host, boolean expected) {
        ArchitectureRestriction r = new ArchitectureRestriction(bang.equals("!"), List.of(names.split(" ")));
        assertEquals(expected, r.appliesTo(host));
        assertEquals("[" + bang + String.join(" " + bang, names.split(" ")) + "]", r.toString());
    }
}
