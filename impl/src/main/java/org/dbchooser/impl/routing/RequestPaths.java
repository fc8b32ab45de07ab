package org.dbchooser.impl.routing;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The PATH that {@code db_chooser} patterns see: the request's path inside the
 * application, the same on every server.
 *
 * <ul>
 * <li>the context path is left out: {@code /shop/api/items} in a WAR deployed at
 * {@code /shop} is {@code /api/items} (the JAX-RS application path stays in);</li>
 * <li>the query string is left out;</li>
 * <li>path parameters are dropped: {@code /a;jsessionid=X/b;v=1} is {@code /a/b};</li>
 * <li>percent-encoding is decoded as UTF-8 ({@code %C3%A9} is {@code é}); a malformed
 * escape stays as written, bytes that are not UTF-8 become U+FFFD; {@code %2F} decodes
 * to a {@code /} that separates segments like any other;</li>
 * <li>empty segments are dropped ({@code //a} is {@code /a}), {@code .} segments are
 * dropped and {@code ..} removes the segment before it, never going above the root;</li>
 * <li>a trailing slash is kept: {@code /a/} stays {@code /a/}.</li>
 * </ul>
 */
public final class RequestPaths {

    private RequestPaths() {
    }

    /**
     * @param requestUri  the request URI as received, e.g. {@code HttpServletRequest.getRequestURI()}
     * @param contextPath the application's context path, {@code ""} for the root
     */
    public static String normalize(String requestUri, String contextPath) {
        String path = requestUri;
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        if (!contextPath.isEmpty() && path.startsWith(contextPath)
                && (path.length() == contextPath.length() || path.charAt(contextPath.length()) == '/'
                        || path.charAt(contextPath.length()) == ';')) {
            path = path.substring(contextPath.length());
        }
        if (isPlain(path)) {
            return path.isEmpty() ? "/" : path;
        }
        String[] raw = path.split("/", -1);
        Deque<String> kept = new ArrayDeque<>(raw.length);
        for (String segment : raw) {
            int parameters = segment.indexOf(';');
            String decoded = decode(parameters >= 0 ? segment.substring(0, parameters) : segment);
            if (decoded.indexOf('/') < 0) {
                push(kept, decoded);
            } else {
                // an encoded slash decodes to a real one, which then separates segments like any other
                for (String name : decoded.split("/", -1)) {
                    push(kept, name);
                }
            }
        }
        StringBuilder normalized = new StringBuilder(path.length() + 1);
        for (String name : kept) {
            normalized.append('/').append(name);
        }
        boolean trailingSlash = raw.length > 1 && raw[raw.length - 1].isEmpty();
        if (kept.isEmpty() || trailingSlash) {
            normalized.append('/');
        }
        return normalized.toString();
    }

    /**
     * True when normalising would change nothing: the path starts with a slash and holds
     * no escape, no path parameter, no empty, {@code .} or {@code ..} segment. Most
     * requests are like this; they cost one scan and no allocation.
     */
    private static boolean isPlain(String path) {
        if (path.isEmpty()) {
            return true;
        }
        if (path.charAt(0) != '/') {
            return false;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' || c == ';') {
                return false;
            }
            if (c == '/' && i + 1 < path.length()) {
                char next = path.charAt(i + 1);
                if (next == '/' || next == '.' && (i + 2 == path.length() || path.charAt(i + 2) == '/'
                        || path.charAt(i + 2) == '.' && (i + 3 == path.length() || path.charAt(i + 3) == '/'))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void push(Deque<String> kept, String name) {
        if (name.equals("..")) {
            kept.pollLast();
        } else if (!name.isEmpty() && !name.equals(".")) {
            kept.addLast(name);
        }
    }

    private static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        StringBuilder decoded = new StringBuilder(segment.length());
        ByteBuffer bytes = ByteBuffer.allocate(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            int high = c == '%' && i + 2 < segment.length() ? hex(segment.charAt(i + 1)) : -1;
            int low = high >= 0 ? hex(segment.charAt(i + 2)) : -1;
            if (low >= 0) {
                bytes.put((byte) (high << 4 | low));
                i += 2;
            } else {
                flush(bytes, decoded);
                decoded.append(c);
            }
        }
        flush(bytes, decoded);
        return decoded.toString();
    }

    /** The value of an ASCII hex digit, or -1: Character.digit would also accept other scripts' digits. */
    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static void flush(ByteBuffer bytes, StringBuilder out) {
        if (bytes.position() == 0) {
            return;
        }
        bytes.flip();
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            CharBuffer chars = utf8.decode(bytes);
            out.append(chars);
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder cannot fail", e);
        }
        bytes.clear();
    }
}
