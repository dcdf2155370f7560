package org.debindex.core.fetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.Set;
import org.debindex.core.MalformedInputException;

/**
 * Which redirects are followed: only to http or https, never from https down to http, and at most
 * as many as the policy says. Stateless.
 *
 * <p>A redirect to {@code file:} would let any server read local files into the cache (and a
 * proxy or mirror is not trusted with that); apt refuses redirects out of http(s) for the same
 * reason, and since 1.6 also refuses https to http, which would give away what the user chose
 * https for. Redirect loops need no detection of their own: they run into the limit.
 */
final class Redirects {

    /** The statuses that redirect a GET to the Location (RFC 9110 §15.4). */
    static final Set<Integer> STATUSES = Set.of(301, 302, 303, 307, 308);

    private Redirects() {
    }

    /**
     * The URI to follow from {@code current}, or the reason the redirect is refused.
     *
     * @param current   the URI that answered with a redirect
     * @param location  its Location header, if any
     * @param followed  how many redirects this attempt has followed already
     * @param limit     how many it may follow
     */
    static URI next(URI current, Optional<String> location, int followed, int limit) throws FetchException {
        if (followed >= limit) {
            throw refused(current, "more than " + limit + " redirects");
        }
        if (location.isEmpty() || location.get().isBlank()) {
            throw refused(current, "redirect without a location");
        }
        URI target;
        try {
            target = current.resolve(new URI(location.get().strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw refused(current, "redirect to unusable location " + MalformedInputException.quote(location.get()));
        }
        String scheme = UriText.scheme(target);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw refused(current, "redirect to " + MalformedInputException.quote(UriText.display(target))
                    + " refused; expected an http or https uri");
        }
        if (UriText.scheme(current).equals("https") && scheme.equals("http")) {
            throw refused(current, "redirect from https to " + MalformedInputException.quote(UriText.display(target))
                    + " refused; expected an https uri");
        }
        if (target.getHost() == null) {
            throw refused(current, "redirect to " + MalformedInputException.quote(UriText.display(target))
                    + " refused; expected a uri with a host");
        }
        return withoutFragment(target);
    }

    private static URI withoutFragment(URI uri) {
        if (uri.getRawFragment() == null) {
            return uri;
        }
        String text = uri.toString();
        return URI.create(text.substring(0, text.indexOf('#')));
    }

    private static FetchException refused(URI current, String problem) {
        return new FetchException(FetchException.Kind.REDIRECT_REFUSED, current, problem, null);
    }
}
