package dev.hark.directory.internal;

import dev.hark.directory.PodcastIndexCredentials;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PodcastIndexAuthTest {

    private static final PodcastIndexCredentials CREDENTIALS =
            new PodcastIndexCredentials("HARKTESTKEY0000", "not-a-real-secret|^$");

    @Test
    void the_signature_is_the_lowercase_hex_sha1_of_key_secret_and_date() {
        // Oracle: python3 -c "import hashlib; print(hashlib.sha1(b'HARKTESTKEY0000not-a-real-secret|^$1700000000').hexdigest())"
        assertThat(PodcastIndexAuth.signature(CREDENTIALS, 1_700_000_000L))
                .isEqualTo("9f7136c1471b4aaed5efccd3d59d98747ef1f6cb");
    }

    @Test
    void the_headers_carry_the_key_the_date_in_unix_seconds_and_the_signature() {
        Map<String, String> headers = PodcastIndexAuth.headers(CREDENTIALS, 1_700_000_000L);

        assertThat(headers).isEqualTo(Map.of(
                "X-Auth-Key", "HARKTESTKEY0000",
                "X-Auth-Date", "1700000000",
                "Authorization", "9f7136c1471b4aaed5efccd3d59d98747ef1f6cb"));
        assertThat(List.copyOf(headers.keySet())).containsExactly("X-Auth-Key", "X-Auth-Date", "Authorization");
    }

    @Test
    void a_new_second_gives_a_new_signature() {
        assertThat(PodcastIndexAuth.signature(CREDENTIALS, 1_700_000_001L))
                .isNotEqualTo(PodcastIndexAuth.signature(CREDENTIALS, 1_700_000_000L));
    }
}
