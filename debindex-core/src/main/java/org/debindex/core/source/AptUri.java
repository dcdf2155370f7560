package org.debindex.core.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * A repository URI normalised as apt 2.6 normalises the URIs of sources entries
 * ({@code pkgSourceList::Type::FixupURI}: parse with {@code URI::CopyFrom}, write back with
 * {@code URI::operator string}, then append a slash): the scheme, an optional
 * {@code user:password@host:port}, and the path, so {@code file:///srv/x} becomes
 * {@code file:/srv/x/} and an empty path becomes {@code /}. Immutable.
 *
 * @param text the normalised URI in apt's spelling, ending in {@code /}
 * @param uri  the same as a {@link URI}; characters a URI cannot hold (a space that a
 *             {@code %20} in a one-line entry decoded to) are escaped again
 */
record AptUri(String text, URI uri) {

    /**
     * Normalises a URI as written in a sources entry.
     *
     * @return the URI, or empty when apt rejects it (no colon) or it cannot be a {@link URI}
     */
    static Optional<AptUri> parse(String written) {
        if (written.isEmpty() || written.indexOf(':') < 0) {
            return Optional.empty();
        }
        Parts parts = Parts.copyFrom(written);
        String text = parts.toString();
        if (!text.endsWith("/")) {
            text += "/";
        }
        try {
            return Optional.of(new AptUri(text, new URI(text)));
        } catch (URISyntaxException e) {
            // apt keeps characters that a URI must escape; escape them the way URI's constructor does
        }
        String path = parts.path.endsWith("/") ? parts.path : parts.path + "/";
        String userInfo = parts.user.isEmpty() ? null
                : parts.password.isEmpty() ? parts.user : parts.user + ":" + parts.password;
        try {
            URI uri = new URI(parts.access, userInfo, parts.host.isEmpty() ? null : parts.host,
                    parts.port == 0 ? -1 : parts.port, path.startsWith("/") ? path : "/" + path, null, null);
            return Optional.of(new AptUri(text, uri));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The parts of apt's {@code ::URI}. */
    private static final class Parts {
        String access = "";
        String user = "";
        String password = "";
        String host = "";
        int port;
        String path = "";

        /** apt's {@code URI::CopyFrom}, step by step. */
        static Parts copyFrom(String u) {
            Parts p = new Parts();
            int n = u.length();
            int firstColon = 0;
            while (firstColon < n && u.charAt(firstColon) != ':') {
                firstColon++;
            }
            int singleSlash = firstColon;
            if (firstColon + 3 < n && u.charAt(firstColon + 1) == '/' && u.charAt(firstColon + 2) == '/') {
                singleSlash += 3;
            }
            boolean inBracket = false;
            for (; singleSlash < n && (u.charAt(singleSlash) != '/' || inBracket); singleSlash++) {
                if (u.charAt(singleSlash) == '[') {
                    inBracket = true;
                }
                if (inBracket && u.charAt(singleSlash) == ']') {
                    inBracket = false;
                }
            }
            p.access = u.substring(0, firstColon);
            if (singleSlash < n) {
                p.path = u.substring(singleSlash);
            }
            if (p.path.isEmpty()) {
                p.path = "/";
            }
            int from;
            if (firstColon + 2 < n && u.charAt(firstColon + 1) == '/' && u.charAt(firstColon + 2) == '/') {
                from = firstColon + 3;
            } else {
                from = firstColon + 1;
            }
            if (from >= n) {
                return p;
            }
            if (from > singleSlash) {
                from = singleSlash;
            }
            int i = Math.min(from + 1, singleSlash);
            int at = u.lastIndexOf('@', singleSlash - 1);
            if (at < i) {
                at = singleSlash;
            }
            int secondColon = u.indexOf(':', i);
            if (secondColon < 0 || secondColon >= at) {
                secondColon = at;
            }
            if (at == singleSlash) {
                if (from < singleSlash) {
                    p.host = u.substring(from, singleSlash);
                }
            } else {
                p.host = u.substring(at + 1, singleSlash);
                p.user = deQuote(u.substring(from, secondColon));
                if (secondColon < at) {
                    p.password = deQuote(u.substring(secondColon + 1, at));
                }
            }
            StringBuilder host = new StringBuilder(p.host);
            int portEnd = 0;
            inBracket = false;
            for (int k = 0; k < host.length(); ) {
                if (host.charAt(k) == '[') {
                    inBracket = true;
                    host.deleteCharAt(k);
                    continue;
                }
                if (inBracket && host.charAt(k) == ']') {
                    inBracket = false;
                    host.deleteCharAt(k);
                    portEnd = k;
                    continue;
                }
                k++;
            }
            p.host = host.toString();
            if (inBracket) {
                p.host = "";
                return p;
            }
            int colon = p.host.lastIndexOf(':');
            if (colon < 0 || colon < portEnd) {
                return p;
            }
            p.port = atoi(p.host.substring(colon + 1));
            p.host = p.host.substring(0, colon);
            return p;
        }

        /** apt's {@code URI::operator string}. */
        @Override
        public String toString() {
            StringBuilder out = new StringBuilder();
            if (!access.isEmpty()) {
                out.append(access).append(':');
            }
            if (!host.isEmpty()) {
                if (!access.isEmpty()) {
                    out.append("//");
                }
                if (!user.isEmpty()) {
                    out.append(quote(user));
                    if (!password.isEmpty()) {
                        out.append(':').append(quote(password));
                    }
                    out.append('@');
                }
                if (!access.isEmpty() && (host.indexOf('/') >= 0 || host.indexOf(':') >= 0)) {
                    out.append('[').append(host).append(']');
                } else {
                    out.append(host);
                }
                if (port != 0) {
                    out.append(':').append(port);
                }
            }
            if (!path.isEmpty()) {
                if (path.charAt(0) != '/') {
                    out.append('/');
                }
                out.append(path);
            }
            return out.toString();
        }

        private static String deQuote(String s) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '%' && i + 2 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0
                        && Character.digit(s.charAt(i + 2), 16) >= 0) {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }

        /** apt's {@code QuoteString(s, ":/?#[]@")}. */
        private static String quote(String s) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (":/?#[]@".indexOf(c) >= 0 || c == '%' || c <= 0x20 || c >= 0x7F) {
                    out.append(String.format("%%%02x", (int) c & 0xff));
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }

        /** C's {@code atoi}, saturating instead of overflowing. */
        private static int atoi(String s) {
            int i = AptSyntax.skipSpace(s, 0);
            boolean negative = false;
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                negative = s.charAt(i) == '-';
                i++;
            }
            long value = 0;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                value = Math.min(value * 10 + (s.charAt(i) - '0'), Integer.MAX_VALUE);
                i++;
            }
            return (int) (negative ? -value : value);
        }
    }
}
