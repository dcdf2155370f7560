package org.debindex.core.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RedirectsTest {

    private static final URI HTTP = URI.create("http://mirror.example/debian/dists/trixie/InRelease");
    private static final URI HTTPS = URI.create("https://mirror.example/debian/dists/trixie/InRelease");

    private static URI next(URI from, String location) throws FetchException {
        return Redirects.next(from, Optional.of(location), 0, 5);
    }

    private static FetchException refused(URI from, String location) {
        FetchException e = assertThrows(FetchException.class, () -> next(from, location));
        assertEquals(FetchException.Kind.REDIRECT_REFUSED, e.kind());
        return e;
    }

    @Test
    void httpAndHttpsTargetsAreFollowed() throws FetchException {
        assertEquals(URI.create("http://mirror.example/pub/debian/dists/trixie/InRelease"),
                next(HTTP, "/pub/debian/dists/trixie/InRelease"));
        assertEquals(URI.create("http://mirror.example/debian/dists/trixie/Release"), next(HTTP, "Release"));
        assertEquals(HTTPS, next(HTTP, HTTPS.toString()));
        assertEquals(URI.create("https://mirror.example:8443/debian/x"), next(HTTPS, "HTTPS://mirror.example:8443/debian/x#part"));
    }

    @Test
    void otherSchemesAndDowngradesAreRefused() {
        assertEquals(HTTP + ": redirect to \"file:/etc/passwd\" refused; expected an http or https uri",
                refused(HTTP, "file:/etc/passwd").getMessage());
        refused(HTTP, "ftp://mirror.example/debian/dists/trixie/InRelease");
        refused(HTTP, "jar:file:/x.jar!/y");
        assertEquals(HTTPS + ": redirect from https to \"http://mirror.example/debian/x\" refused; expected an https uri",
                refused(HTTPS, "http://mirror.example/debian/x").getMessage());
        refused(HTTP, "http:relative-without-host");
        refused(HTTP, "http://bad host.example/x");
    }

    @Test
    void theLimitAndAMissingLocationAreRefused() {
        FetchException tooMany = assertThrows(FetchException.class,
                () -> Redirects.next(HTTP, Optional.of("/x"), 5, 5));
        assertEquals(HTTP + ": more than 5 redirects", tooMany.getMessage());
        FetchException none = assertThrows(FetchException.class, () -> Redirects.next(HTTP, Optional.empty(), 0, 5));
        assertEquals(HTTP + ": redirect without a location", none.getMessage());
        assertThrows(FetchException.class, () -> Redirects.next(HTTP, Optional.of("/x"), 0, 0));
    }
}
