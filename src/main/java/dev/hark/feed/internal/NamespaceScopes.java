package dev.hark.feed.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prefix bindings while reading a document without the XML parser's namespace support (which
 * rejects undeclared prefixes, and many feeds use {@code itunes:} or {@code podcast:} without
 * declaring them). Declared prefixes map by URI; undeclared ones fall back to their usual meaning.
 *
 * <p>Not thread-safe: one per parse.
 */
final class NamespaceScopes {

    private record Undo(int depth, String prefix, Ns previous) {
    }

    private final Map<String, Ns> bindings = new HashMap<>();
    private final List<Undo> undo = new ArrayList<>();
    /** Resolved names, valid until a binding changes (bindings nearly always sit on the root). */
    private final Map<String, Name> cache = new HashMap<>();

    /** Records {@code xmlns[:prefix]="uri"} on the element at {@code depth}. */
    void declare(int depth, String prefix, String uri) {
        Ns ns = Ns.forUri(uri);
        if (ns == null) {
            ns = prefix.isEmpty() ? Ns.NONE : Ns.forPrefix(prefix);
        }
        undo.add(new Undo(depth, prefix, bindings.put(prefix, ns)));
        cache.clear();
    }

    /** Drops the bindings made by the element at {@code depth}, which is ending. */
    void leave(int depth) {
        while (!undo.isEmpty() && undo.getLast().depth() == depth) {
            Undo last = undo.removeLast();
            if (last.previous() == null) {
                bindings.remove(last.prefix());
            } else {
                bindings.put(last.prefix(), last.previous());
            }
            cache.clear();
        }
    }

    /** Resolves a qualified name such as {@code itunes:duration}. */
    Name resolve(String qualifiedName) {
        Name name = cache.get(qualifiedName);
        if (name == null) {
            int colon = qualifiedName.indexOf(':');
            String prefix = colon < 0 ? "" : qualifiedName.substring(0, colon);
            String local = colon < 0 ? qualifiedName : qualifiedName.substring(colon + 1);
            Ns ns = bindings.get(prefix);
            if (ns == null) {
                ns = Ns.forPrefix(prefix);
            }
            name = new Name(ns, local);
            cache.put(qualifiedName, name);
        }
        return name;
    }
}
