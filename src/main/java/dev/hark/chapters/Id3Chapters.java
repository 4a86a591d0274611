package dev.hark.chapters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the chapters of an MP3 from its ID3v2.3 or v2.4 tag: CHAP frames (start and end in
 * milliseconds, a TIT2 title, a WXXX or other W-frame link) and the top-level CTOC frame, whose
 * children are the table of contents. Only the tag at the start of the stream is read, and a tag
 * over {@link #MAX_TAG_BYTES} is refused. Pure; thread-safe.
 *
 * <p>Compressed and encrypted frames are skipped (no encoder writes them for chapters), and so is
 * ID3v2.2, which has no chapter frames.
 */
public final class Id3Chapters {

    /** Tags with cover art are a few megabytes; a bigger one is not worth holding in memory. */
    public static final int MAX_TAG_BYTES = 16 * 1024 * 1024;
    private static final int HEADER = 10;

    private Id3Chapters() {
    }

    /** A CHAP frame before numbering. */
    private record Entry(String id, long startMs, long endMs, String title, String url) {
    }

    /** A CTOC frame. */
    private record Toc(String id, boolean topLevel, List<String> children) {
    }

    /**
     * The chapters of the tag at the start of {@code in}, in start order; empty when there is no
     * ID3v2 tag or it has no CHAP frames. Reads no further than the tag.
     *
     * @throws ChaptersException when the tag is malformed, truncated or too large
     */
    public static Chapters read(InputStream in) throws ChaptersException, IOException {
        byte[] header = in.readNBytes(HEADER);
        if (header.length < HEADER || header[0] != 'I' || header[1] != 'D' || header[2] != '3') {
            return none();
        }
        int version = header[3];
        if (version != 3 && version != 4) {
            return none();
        }
        int flags = header[5] & 0xFF;
        long size = syncsafe(header, 6);
        if (size < 0) {
            throw new ChaptersException("The ID3 tag's size is not a valid syncsafe number.");
        }
        if (size > MAX_TAG_BYTES) {
            throw new ChaptersException("The ID3 tag is larger than " + MAX_TAG_BYTES / (1024 * 1024) + " MiB.");
        }
        byte[] body = in.readNBytes((int) size);
        if (body.length < size) {
            throw new ChaptersException("The file ends inside its ID3 tag.");
        }
        boolean unsynchronised = (flags & 0x80) != 0;
        if (unsynchronised && version == 3) {
            // v2.3 unsynchronises the whole tag; v2.4 does it frame by frame
            body = resync(body, 0, body.length);
        }
        int position = (flags & 0x40) != 0 ? extendedHeaderLength(body, version) : 0;
        return chapters(frames(body, position, body.length, version, unsynchronised), version);
    }

    private static Chapters none() {
        return new Chapters(List.of(), Chapters.ID3);
    }

    private static int extendedHeaderLength(byte[] body, int version) throws ChaptersException {
        if (body.length < 4) {
            throw new ChaptersException("The ID3 tag's extended header is cut short.");
        }
        // v2.3 counts the bytes after the size field; v2.4 counts the whole header, syncsafe
        long length = version == 3 ? uint32(body, 0) + 4 : syncsafe(body, 0);
        if (length < 4 || length > body.length) {
            throw new ChaptersException("The ID3 tag's extended header is longer than the tag.");
        }
        return (int) length;
    }

    /** A frame's id and content, flags already dealt with. */
    private record Frame(String id, byte[] data) {
    }

    private static List<Frame> frames(byte[] tag, int from, int to, int version, boolean unsynchronised)
            throws ChaptersException {
        List<Frame> frames = new ArrayList<>();
        int position = from;
        while (position + HEADER <= to && tag[position] != 0) {
            String id = new String(tag, position, 4, StandardCharsets.ISO_8859_1);
            if (!id.matches("[A-Z0-9]{4}")) {
                throw new ChaptersException("The ID3 tag has a frame with the invalid name \"" + printable(id) + "\".");
            }
            long size = version == 4 ? syncsafe(tag, position + 4) : uint32(tag, position + 4);
            int formatFlags = tag[position + 9] & 0xFF;
            int start = position + HEADER;
            if (size < 0 || size > to - start) {
                throw new ChaptersException("The ID3 frame " + id + " claims more bytes than its tag holds.");
            }
            byte[] data = content(tag, start, (int) size, version, formatFlags, unsynchronised);
            if (data != null) {
                frames.add(new Frame(id, data));
            }
            position = start + (int) size;
        }
        return frames;
    }

    /** The frame's payload without its extra header fields, or null for a frame we cannot read. */
    private static byte[] content(byte[] tag, int start, int size, int version, int formatFlags, boolean unsynchronised) {
        int skip = 0;
        boolean resync = false;
        if (version == 4) {
            if ((formatFlags & 0x0C) != 0) {
                return null; // compressed or encrypted
            }
            skip += (formatFlags & 0x40) != 0 ? 1 : 0; // group id
            skip += (formatFlags & 0x01) != 0 ? 4 : 0; // data length indicator
            resync = unsynchronised || (formatFlags & 0x02) != 0;
        } else if ((formatFlags & 0xC0) != 0) {
            return null; // compressed or encrypted
        } else {
            skip += (formatFlags & 0x20) != 0 ? 1 : 0; // group id
        }
        if (skip > size) {
            return null;
        }
        return resync ? resync(tag, start + skip, start + size)
                : Arrays.copyOfRange(tag, start + skip, start + size);
    }

    private static Chapters chapters(List<Frame> frames, int version) throws ChaptersException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        Toc top = null;
        for (Frame frame : frames) {
            if (frame.id().equals("CHAP")) {
                Entry entry = chap(frame.data(), version);
                entries.putIfAbsent(entry.id(), entry);
            } else if (frame.id().equals("CTOC")) {
                Toc toc = ctoc(frame.data(), version);
                if (toc.topLevel() && top == null) {
                    top = toc;
                }
            }
        }
        List<Entry> ordered = new ArrayList<>();
        if (top != null) {
            for (String child : top.children()) {
                Entry entry = entries.get(child);
                if (entry != null && !ordered.contains(entry)) {
                    ordered.add(entry);
                }
            }
        }
        int listed = ordered.size();
        entries.values().stream().filter(entry -> !ordered.contains(entry))
                .sorted(Comparator.comparingLong(Entry::startMs)).forEach(ordered::add);
        List<Chapter> list = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Entry entry = ordered.get(i);
            double start = entry.startMs() / 1000.0;
            double end = entry.endMs() / 1000.0;
            String title = entry.title() == null || entry.title().isBlank() ? "Chapter " + (i + 1) : entry.title().strip();
            // without a top-level CTOC every chapter is for navigation, as players treat it
            boolean toc = top == null || i < listed;
            list.add(new Chapter(start, end > start ? end : null, title, entry.url(), null, toc));
        }
        // the table of contents fixes the numbering; the list itself is in time order, stable for ties
        list.sort(Comparator.comparingDouble(Chapter::start));
        return new Chapters(list, Chapters.ID3);
    }

    private static Entry chap(byte[] data, int version) throws ChaptersException {
        int idEnd = indexOfZero(data, 0);
        if (idEnd < 0 || idEnd + 1 + 16 > data.length) {
            throw new ChaptersException("An ID3 CHAP frame is cut short.");
        }
        String id = new String(data, 0, idEnd, StandardCharsets.ISO_8859_1);
        int times = idEnd + 1;
        long start = uint32(data, times);
        long end = uint32(data, times + 4);
        String title = null;
        String url = null;
        for (Frame sub : frames(data, times + 16, data.length, version, false)) {
            if (sub.id().equals("TIT2") && title == null) {
                title = text(sub.data());
            } else if (sub.id().equals("WXXX") && url == null) {
                url = ChapterLinks.resolve(null, userUrl(sub.data()));
            } else if (sub.id().startsWith("W") && url == null) {
                url = ChapterLinks.resolve(null, latin1(sub.data(), 0, sub.data().length));
            }
        }
        return new Entry(id, start, end, title, url);
    }

    private static Toc ctoc(byte[] data, int version) throws ChaptersException {
        int idEnd = indexOfZero(data, 0);
        if (idEnd < 0 || idEnd + 3 > data.length) {
            throw new ChaptersException("An ID3 CTOC frame is cut short.");
        }
        String id = new String(data, 0, idEnd, StandardCharsets.ISO_8859_1);
        boolean topLevel = (data[idEnd + 1] & 0x02) != 0;
        int count = data[idEnd + 2] & 0xFF;
        List<String> children = new ArrayList<>();
        int position = idEnd + 3;
        for (int i = 0; i < count; i++) {
            int end = indexOfZero(data, position);
            if (end < 0) {
                throw new ChaptersException("An ID3 CTOC frame lists more chapters than it holds.");
            }
            children.add(new String(data, position, end - position, StandardCharsets.ISO_8859_1));
            position = end + 1;
        }
        return new Toc(id, topLevel, children);
    }

    /** A text frame's first string, in the frame's encoding. */
    private static String text(byte[] data) throws ChaptersException {
        if (data.length == 0) {
            return null;
        }
        String all = new String(data, 1, data.length - 1, charset(data[0]));
        int end = all.indexOf('\0');
        return end < 0 ? all : all.substring(0, end);
    }

    /** WXXX: encoding, a description ended by a zero in that encoding, then a Latin-1 URL. */
    private static String userUrl(byte[] data) throws ChaptersException {
        if (data.length == 0) {
            return null;
        }
        charset(data[0]);
        boolean wide = data[0] == 1 || data[0] == 2;
        int position = 1;
        while (position < data.length) {
            if (!wide && data[position] == 0) {
                return latin1(data, position + 1, data.length);
            }
            if (wide && position + 1 < data.length && data[position] == 0 && data[position + 1] == 0) {
                return latin1(data, position + 2, data.length);
            }
            position += wide ? 2 : 1;
        }
        return null;
    }

    private static Charset charset(byte encoding) throws ChaptersException {
        return switch (encoding) {
            case 0 -> StandardCharsets.ISO_8859_1;
            case 1 -> StandardCharsets.UTF_16; // with a byte order mark; big-endian without one
            case 2 -> StandardCharsets.UTF_16BE;
            case 3 -> StandardCharsets.UTF_8;
            default -> throw new ChaptersException("An ID3 text frame names the unknown text encoding " + encoding + ".");
        };
    }

    private static String latin1(byte[] data, int from, int to) {
        int end = from;
        while (end < to && data[end] != 0) {
            end++;
        }
        return new String(data, from, end - from, StandardCharsets.ISO_8859_1).strip();
    }

    private static int indexOfZero(byte[] data, int from) {
        for (int i = from; i < data.length; i++) {
            if (data[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /** A 28-bit syncsafe integer, or -1 when a byte has its top bit set. */
    private static long syncsafe(byte[] data, int at) {
        long value = 0;
        for (int i = 0; i < 4; i++) {
            int b = data[at + i] & 0xFF;
            if (b > 0x7F) {
                return -1;
            }
            value = value << 7 | b;
        }
        return value;
    }

    private static long uint32(byte[] data, int at) {
        return (data[at] & 0xFFL) << 24 | (data[at + 1] & 0xFFL) << 16 | (data[at + 2] & 0xFFL) << 8 | data[at + 3] & 0xFFL;
    }

    /** Undoes unsynchronisation: drops each zero byte that follows 0xFF. */
    private static byte[] resync(byte[] data, int from, int to) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            out.write(data[i]);
            if ((data[i] & 0xFF) == 0xFF && i + 1 < to && data[i + 1] == 0) {
                i++;
            }
        }
        return out.toByteArray();
    }

    private static String printable(String id) {
        return id.replaceAll("[^\\x20-\\x7E]", "?");
    }
}
