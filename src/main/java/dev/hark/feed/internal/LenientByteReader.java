package dev.hark.feed.internal;

import java.io.Reader;

/**
 * Decodes a feed's bytes without ever failing. In UTF-8 mode every well-formed UTF-8 sequence is
 * decoded as such and every byte that is not is read as windows-1252, so a feed that says UTF-8
 * but was written in ISO-8859-1 or windows-1252 (a common mistake) still reads correctly, even
 * when the two are mixed. In windows-1252 mode every byte is one character.
 *
 * <p>Control characters XML forbids (U+0000-U+001F except tab, LF and CR; U+FFFE, U+FFFF) are
 * dropped, because one stray byte would otherwise make the whole feed unreadable.
 *
 * <p>Not thread-safe: one reader per parse.
 */
public final class LenientByteReader extends Reader {

    /** Characters for bytes 0x80-0x9F in windows-1252; the five unassigned bytes map to themselves. */
    private static final char[] WINDOWS_1252_HIGH = {
        '\u20ac', '\u0081', '\u201a', '\u0192', '\u201e', '\u2026', '\u2020', '\u2021',
        '\u02c6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008d', '\u017d', '\u008f',
        '\u0090', '\u2018', '\u2019', '\u201c', '\u201d', '\u2022', '\u2013', '\u2014',
        '\u02dc', '\u2122', '\u0161', '\u203a', '\u0153', '\u009d', '\u017e', '\u0178',
    };

    private final byte[] bytes;
    private final int end;
    private final boolean utf8;
    private int pos;
    private int pendingLowSurrogate = -1;

    /**
     * @param utf8 true: UTF-8 with windows-1252 for stray bytes; false: windows-1252 throughout
     */
    public LenientByteReader(byte[] bytes, int offset, boolean utf8) {
        this.bytes = bytes;
        this.pos = offset;
        this.end = bytes.length;
        this.utf8 = utf8;
    }

    /** The character windows-1252 gives a byte (0-255). */
    public static char windows1252(int unsignedByte) {
        if (unsignedByte >= 0x80 && unsignedByte <= 0x9f) {
            return WINDOWS_1252_HIGH[unsignedByte - 0x80];
        }
        return (char) unsignedByte;
    }

    /** True when every byte from {@code offset} forms well-formed UTF-8 and at least one is not ASCII. */
    public static boolean isNonAsciiUtf8(byte[] bytes, int offset) {
        boolean nonAscii = false;
        int i = offset;
        while (i < bytes.length) {
            if (bytes[i] >= 0) {
                i++;
                continue;
            }
            int length = utf8SequenceLength(bytes, i, bytes.length);
            if (length == 0) {
                return false;
            }
            nonAscii = true;
            i += length;
        }
        return nonAscii;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        int out = offset;
        int limit = offset + length;
        if (pendingLowSurrogate >= 0) {
            buffer[out++] = (char) pendingLowSurrogate;
            pendingLowSurrogate = -1;
        }
        byte[] in = bytes;
        int p = pos;
        while (out < limit && p < end) {
            int b = in[p];
            if (b >= 0x20) {
                buffer[out++] = (char) b;
                p++;
            } else if (b >= 0) {
                if (b == '\n' || b == '\r' || b == '\t') {
                    buffer[out++] = (char) b;
                }
                p++;
            } else if (!utf8) {
                buffer[out++] = windows1252(b & 0xff);
                p++;
            } else {
                int sequence = utf8SequenceLength(in, p, end);
                if (sequence == 0) {
                    buffer[out++] = windows1252(b & 0xff);
                    p++;
                    continue;
                }
                int codePoint = decode(in, p, sequence);
                p += sequence;
                if (codePoint == 0xfffe || codePoint == 0xffff) {
                    continue;
                }
                if (codePoint < 0x10000) {
                    buffer[out++] = (char) codePoint;
                } else {
                    buffer[out++] = Character.highSurrogate(codePoint);
                    if (out < limit) {
                        buffer[out++] = Character.lowSurrogate(codePoint);
                    } else {
                        pendingLowSurrogate = Character.lowSurrogate(codePoint);
                    }
                }
            }
        }
        pos = p;
        if (out == offset && p >= end) {
            return -1;
        }
        return out - offset;
    }

    @Override
    public void close() {
        // nothing to release: the bytes belong to the caller
    }

    /** Length of the well-formed UTF-8 sequence starting at {@code i}, or 0 if there is none. */
    private static int utf8SequenceLength(byte[] in, int i, int end) {
        int b0 = in[i] & 0xff;
        if (b0 >= 0xc2 && b0 <= 0xdf) {
            return i + 1 < end && isContinuation(in[i + 1]) ? 2 : 0;
        }
        if (b0 >= 0xe0 && b0 <= 0xef) {
            if (i + 2 >= end) {
                return 0;
            }
            int b1 = in[i + 1] & 0xff;
            boolean secondOk = b0 == 0xe0 ? (b1 >= 0xa0 && b1 <= 0xbf)
                    : b0 == 0xed ? (b1 >= 0x80 && b1 <= 0x9f)
                    : (b1 >= 0x80 && b1 <= 0xbf);
            return secondOk && isContinuation(in[i + 2]) ? 3 : 0;
        }
        if (b0 >= 0xf0 && b0 <= 0xf4) {
            if (i + 3 >= end) {
                return 0;
            }
            int b1 = in[i + 1] & 0xff;
            boolean secondOk = b0 == 0xf0 ? (b1 >= 0x90 && b1 <= 0xbf)
                    : b0 == 0xf4 ? (b1 >= 0x80 && b1 <= 0x8f)
                    : (b1 >= 0x80 && b1 <= 0xbf);
            return secondOk && isContinuation(in[i + 2]) && isContinuation(in[i + 3]) ? 4 : 0;
        }
        return 0;
    }

    private static boolean isContinuation(byte b) {
        return (b & 0xc0) == 0x80;
    }

    private static int decode(byte[] in, int i, int length) {
        return switch (length) {
            case 2 -> ((in[i] & 0x1f) << 6) | (in[i + 1] & 0x3f);
            case 3 -> ((in[i] & 0x0f) << 12) | ((in[i + 1] & 0x3f) << 6) | (in[i + 2] & 0x3f);
            default -> ((in[i] & 0x07) << 18) | ((in[i + 1] & 0x3f) << 12)
                    | ((in[i + 2] & 0x3f) << 6) | (in[i + 3] & 0x3f);
        };
    }
}
