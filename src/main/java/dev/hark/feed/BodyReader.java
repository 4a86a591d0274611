package dev.hark.feed;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Reads a response body into memory, decoding gzip or deflate, and stops as soon as either the
 * bytes on the wire or the decoded bytes pass the limit, so a huge body or a gzip bomb costs at
 * most the limit in memory. Thread-safe (no state).
 */
final class BodyReader {

    private static final int CHUNK = 16 * 1024;

    private BodyReader() {
    }

    /**
     * @param contentEncoding the Content-Encoding header, or null
     * @throws FetchFailure TOO_LARGE, BAD_ENCODING, or CONNECTION_LOST when the connection breaks
     */
    static byte[] read(InputStream raw, String contentEncoding, long maxBytes) throws FetchFailure {
        String encoding = contentEncoding == null ? "identity" : contentEncoding.strip().toLowerCase(Locale.ROOT);
        WireStream wire = new WireStream(raw, maxBytes, encoding.equals("gzip") || encoding.equals("x-gzip"));
        InputStream decoded = wire;
        Inflater inflater = null;
        try {
            switch (encoding) {
                case "", "identity" -> {
                }
                case "gzip", "x-gzip" -> decoded = new GZIPInputStream(wire, CHUNK);
                case "deflate" -> {
                    BufferedInputStream buffered = new BufferedInputStream(wire, CHUNK);
                    inflater = new Inflater(!startsWithZlibHeader(buffered));
                    decoded = new InflaterInputStream(buffered, inflater, CHUNK);
                }
                default -> throw new FetchFailure(FetchError.BAD_ENCODING, "unsupported encoding " + encoding);
            }
            return copy(decoded, maxBytes);
        } catch (TooLarge e) {
            throw tooLarge(maxBytes);
        } catch (BrokenConnection e) {
            throw new FetchFailure(FetchError.CONNECTION_LOST, e.getCause().getMessage());
        } catch (IOException e) {
            // Only the decoder is left to throw: ZipException for corrupt data, EOFException for
            // a stream that ends mid-way although the connection delivered all it promised.
            throw new FetchFailure(FetchError.BAD_ENCODING, encoding);
        } finally {
            closeQuietly(decoded); // frees a GZIPInputStream's native inflater now, not at GC
            wire.close();
            if (inflater != null) {
                inflater.end(); // a caller-supplied Inflater is not ended by its stream
            }
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the body is read or abandoned either way; nothing to tell the user
        }
    }

    static FetchFailure tooLarge(long maxBytes) {
        return new FetchFailure(FetchError.TOO_LARGE, "limit " + describeBytes(maxBytes));
    }

    static String describeBytes(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }

    private static byte[] copy(InputStream in, long maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(CHUNK);
        byte[] chunk = new byte[CHUNK];
        long total = 0;
        for (int n; (n = in.read(chunk)) != -1; ) {
            total += n;
            if (total > maxBytes) {
                throw new TooLarge();
            }
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }

    /**
     * HTTP "deflate" is meant to be zlib-wrapped, but some servers send raw deflate; the zlib
     * header (CM = 8, header checksum a multiple of 31) tells them apart.
     */
    private static boolean startsWithZlibHeader(BufferedInputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first >= 0 && second >= 0 && (first & 0x0F) == 8 && ((first << 8) | second) % 31 == 0;
    }

    /** The body as it comes off the connection: counts bytes and tags connection failures. */
    private static final class WireStream extends FilterInputStream {
        private final long maxBytes;
        private final boolean underGzip;
        private long count;

        WireStream(InputStream in, long maxBytes, boolean underGzip) {
            super(in);
            this.maxBytes = maxBytes;
            this.underGzip = underGzip;
        }

        /**
         * Before JDK 23, GZIPInputStream only reads on to the next member of a multi-member body
         * if {@code available()} is positive after a member's trailer (JDK-7036144); on a network
         * stream that is often 0, which would silently cut the feed short. At the real end of the
         * stream it then fails to read a next header and stops as it should.
         */
        @Override
        public int available() throws IOException {
            int available;
            try {
                available = in.available();
            } catch (IOException e) {
                throw new BrokenConnection(e);
            }
            return underGzip ? Math.max(1, available) : available;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n;
            try {
                n = in.read(buffer, offset, length);
            } catch (IOException e) {
                throw new BrokenConnection(e);
            }
            if (n > 0 && (count += n) > maxBytes) {
                throw new TooLarge();
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            return n <= 0 ? 0 : Math.max(0, read(new byte[(int) Math.min(n, CHUNK)]));
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException ignored) {
                // the body is read or abandoned either way; nothing to tell the user
            }
        }
    }

    private static final class TooLarge extends IOException {
        TooLarge() {
            super(null, null);
        }
    }

    private static final class BrokenConnection extends IOException {
        BrokenConnection(IOException cause) {
            super(cause);
        }
    }
}
