package org.debindex.core.fetch;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/** How URIs and durations are written in messages. Stateless. */
final class UriText {

    private UriText() {
    }

    /**
     * The URI as messages show it: without user information, so that credentials written into a
     * sources entry never reach a log.
     */
    static String display(URI uri) {
        String userInfo = uri.getRawUserInfo();
        if (userInfo == null) {
            return uri.toString();
        }
        String text = uri.toString();
        int at = text.indexOf(userInfo + "@");
        return at < 0 ? text : text.substring(0, at) + text.substring(at + userInfo.length() + 1);
    }

    /** {@code 300 ms}, {@code 30 s}: whole seconds in seconds, anything else in milliseconds. */
    static String duration(Duration d) {
        long millis = d.toMillis();
        return millis % 1000 == 0 && millis > 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /** The lower-case scheme of a URI, or empty when it has none. */
    static String scheme(URI uri) {
        String scheme = uri.getScheme();
        return scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
    }
}
