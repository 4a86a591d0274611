package dev.hark.feed;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import static dev.hark.feed.FeedFetcherSizeTest.deflate;
import static dev.hark.feed.FeedFetcherSizeTest.gzip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BodyReaderTest {

    private static final byte[] FEED = "<rss><channel><title>Ünïcödé &amp; more</title></channel></rss>"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void an_identity_body_is_returned_as_is() throws Exception {
        assertThat(BodyReader.read(new ByteArrayInputStream(FEED), null, 1000)).isEqualTo(FEED);
        assertThat(BodyReader.read(new ByteArrayInputStream(FEED), "identity", 1000)).isEqualTo(FEED);
    }

    @Test
    void the_encoding_name_is_matched_without_regard_to_case_or_spaces() throws Exception {
        assertThat(BodyReader.read(new ByteArrayInputStream(gzip(FEED)), " GZIP ", 1000)).isEqualTo(FEED);
        assertThat(BodyReader.read(new ByteArrayInputStream(gzip(FEED)), "x-gzip", 1000)).isEqualTo(FEED);
    }

    @Test
    void deflate_is_read_with_and_without_the_zlib_wrapper() throws Exception {
        assertThat(BodyReader.read(new ByteArrayInputStream(deflate(FEED)), "deflate", 1000)).isEqualTo(FEED);
        assertThat(BodyReader.read(new ByteArrayInputStream(rawDeflate(FEED)), "deflate", 1000)).isEqualTo(FEED);
    }

    @Test
    void a_gzip_body_of_several_members_is_read_to_the_end_even_when_the_network_has_no_bytes_waiting() throws Exception {
        byte[] first = gzip("<rss><channel>".getBytes(StandardCharsets.UTF_8));
        byte[] second = gzip("</channel></rss>".getBytes(StandardCharsets.UTF_8));
        InputStream network = new ByteArrayInputStream(concat(first, second)) {
            @Override
            public synchronized int available() {
                return 0; // as a socket between two packets
            }
        };

        assertThat(new String(BodyReader.read(network, "gzip", 1000), StandardCharsets.UTF_8))
                .isEqualTo("<rss><channel></channel></rss>");
    }

    @Test
    void the_limit_is_inclusive() throws Exception {
        assertThat(BodyReader.read(new ByteArrayInputStream(FEED), null, FEED.length)).isEqualTo(FEED);
        assertThatThrownBy(() -> BodyReader.read(new ByteArrayInputStream(FEED), null, FEED.length - 1))
                .isInstanceOfSatisfying(FetchFailure.class, failure -> assertThat(failure.toResult())
                        .isEqualTo(new FetchResult.Failed(FetchError.TOO_LARGE, "limit " + (FEED.length - 1) + " bytes")));
    }

    @Test
    void the_limit_applies_to_the_decoded_size() {
        byte[] zeros = new byte[100_000];

        assertThatThrownBy(() -> BodyReader.read(new ByteArrayInputStream(gzip(zeros)), "gzip", 64 * 1024))
                .isInstanceOfSatisfying(FetchFailure.class, failure -> assertThat(failure.toResult())
                        .isEqualTo(new FetchResult.Failed(FetchError.TOO_LARGE, "limit 64 KiB")));
    }

    @Test
    void an_encoding_hark_did_not_ask_for_is_a_bad_encoding() {
        assertThatThrownBy(() -> BodyReader.read(new ByteArrayInputStream(FEED), "br", 1000))
                .isInstanceOfSatisfying(FetchFailure.class, failure -> assertThat(failure.toResult())
                        .isEqualTo(new FetchResult.Failed(FetchError.BAD_ENCODING, "unsupported encoding br")));
    }

    @Test
    void a_gzip_body_cut_short_is_a_bad_encoding() {
        byte[] whole = gzip(FEED);
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);

        assertThatThrownBy(() -> BodyReader.read(new ByteArrayInputStream(cut), "gzip", 1000))
                .isInstanceOfSatisfying(FetchFailure.class,
                        failure -> assertThat(failure.error()).isEqualTo(FetchError.BAD_ENCODING));
    }

    @Test
    void a_read_that_fails_on_the_network_is_a_lost_connection_not_a_bad_encoding() {
        InputStream breaking = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("Connection reset");
            }
        };

        assertThatThrownBy(() -> BodyReader.read(breaking, "gzip", 1000))
                .isInstanceOfSatisfying(FetchFailure.class, failure -> assertThat(failure.toResult())
                        .isEqualTo(new FetchResult.Failed(FetchError.CONNECTION_LOST, "Connection reset")));
    }

    private static byte[] rawDeflate(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes, deflater)) {
            out.write(data);
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
