package dev.hark.feed.internal;

/** An element name with its prefix resolved: vocabulary and local part. */
public record Name(Ns ns, String local) {

    public boolean is(Ns expectedNs, String expectedLocal) {
        return ns == expectedNs && local.equals(expectedLocal);
    }
}
