package dev.hark.web.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pure decisions: loopback, redirects, CSRF tokens and origins, the login throttle. */
class SecurityRulesTest {

    private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");

    @Test
    void only_literal_loopback_addresses_and_localhost_count_as_loopback() {
        for (String host : List.of("localhost", "LOCALHOST", "localhost.", "hark.localhost", "127.0.0.1", "127.1.2.3",
                "::1", "[::1]", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1")) {
            assertThat(LoopbackAddress.isLoopback(host)).as(host).isTrue();
        }
        for (String host : Arrays.asList(null, "", " ", "0.0.0.0", "::", "[::]", "192.168.1.5", "10.0.0.1",
                "128.0.0.1", "127.0.0.256", "hark.example", "localhost.example", "127.0.0.1.nip.io", "::2")) {
            assertThat(LoopbackAddress.isLoopback(host)).as(String.valueOf(host)).isFalse();
        }
    }

    @Test
    void host_headers_are_judged_without_their_port() {
        assertThat(LoopbackAddress.isLoopbackHostHeader("localhost:7000")).isTrue();
        assertThat(LoopbackAddress.isLoopbackHostHeader("127.0.0.1:7000")).isTrue();
        assertThat(LoopbackAddress.isLoopbackHostHeader("[::1]:7000")).isTrue();
        assertThat(LoopbackAddress.isLoopbackHostHeader("evil.example:7000")).isFalse();
        assertThat(LoopbackAddress.isLoopbackHostHeader("[::1")).isFalse();
    }

    @Test
    void a_server_other_machines_can_reach_will_not_start_without_a_password() {
        assertThatThrownBy(() -> LoopbackAddress.requireSafeBinding("0.0.0.0", false))
                .isInstanceOf(UnsafeBindingException.class)
                .hasMessage("Hark is bound to 0.0.0.0, which other machines can reach; set a password first with: "
                        + "hark user set-password");
        assertThatThrownBy(() -> LoopbackAddress.requireSafeBinding("192.168.1.5", false))
                .hasMessageStartingWith("Hark is bound to 192.168.1.5, which");
        assertThatThrownBy(() -> LoopbackAddress.requireSafeBinding(null, false))
                .hasMessageStartingWith("Hark is bound to all network interfaces, which");
        assertThatCode(() -> LoopbackAddress.requireSafeBinding("0.0.0.0", true)).doesNotThrowAnyException();
        assertThatCode(() -> LoopbackAddress.requireSafeBinding("127.0.0.1", false)).doesNotThrowAnyException();
        assertThatCode(() -> LoopbackAddress.requireSafeBinding("localhost", false)).doesNotThrowAnyException();
    }

    @Test
    void after_login_only_paths_on_this_site_are_followed() {
        assertThat(SafeRedirect.next("/episodes/4?t=30")).isEqualTo("/episodes/4?t=30");
        assertThat(SafeRedirect.next("/")).isEqualTo("/");
        for (String bad : Arrays.asList(null, "", "//evil.example", "///evil.example", "/\\evil.example",
                "\\\\evil.example", "https://evil.example/", "javascript:alert(1)", "evil.example", "/\t/evil.example",
                "/\n/evil.example", "/ok\u00e9", "/login", "/login?next=/x", "/logout", "/" + "a".repeat(2000))) {
            assertThat(SafeRedirect.next(bad)).as(String.valueOf(bad)).isEqualTo("/");
        }
    }

    @Test
    void a_csrf_token_belongs_to_one_session_and_one_key() {
        CsrfProtection csrf = new CsrfProtection(new byte[32]);
        String token = csrf.tokenFor("session:abc");

        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(csrf.tokenFor("session:abc")).isEqualTo(token);
        assertThat(csrf.verify("session:abc", token)).isTrue();
        assertThat(csrf.verify("session:abd", token)).isFalse();
        assertThat(csrf.verify("session:abc", null)).isFalse();
        assertThat(csrf.verify("session:abc", "")).isFalse();
        byte[] otherKey = new byte[32];
        otherKey[0] = 1;
        assertThat(new CsrfProtection(otherKey).verify("session:abc", token)).isFalse();
    }

    @Test
    void only_get_head_and_options_skip_the_csrf_check() {
        assertThat(List.of("GET", "HEAD", "OPTIONS", "get")).noneMatch(CsrfProtection::changesState);
        assertThat(List.of("POST", "PUT", "PATCH", "DELETE", "PROPFIND")).allMatch(CsrfProtection::changesState);
    }

    @Test
    void the_origin_or_referer_must_name_the_requested_host_when_sent() {
        List<String> hosts = List.of("hark.example:8080");
        assertThat(CsrfProtection.originAllowed(null, null, hosts)).isTrue();
        assertThat(CsrfProtection.originAllowed("http://hark.example:8080", null, hosts)).isTrue();
        assertThat(CsrfProtection.originAllowed("http://HARK.example:8080", "https://evil.example/", hosts)).isTrue();
        assertThat(CsrfProtection.originAllowed(null, "http://hark.example:8080/episodes/3", hosts)).isTrue();
        assertThat(CsrfProtection.originAllowed("http://evil.example", null, hosts)).isFalse();
        assertThat(CsrfProtection.originAllowed("http://hark.example:9090", null, hosts)).isFalse();
        assertThat(CsrfProtection.originAllowed("http://hark.example", null, hosts)).isFalse();
        assertThat(CsrfProtection.originAllowed("null", null, hosts)).isFalse();
        assertThat(CsrfProtection.originAllowed(null, "not a url", hosts)).isFalse();
        // default ports: the Host header leaves them out, as browsers do in Origin
        assertThat(CsrfProtection.originAllowed("https://hark.example", null, List.of("hark.example"))).isTrue();
        assertThat(CsrfProtection.originAllowed("https://hark.example:443", null, List.of("hark.example:443"))).isTrue();
        assertThat(CsrfProtection.originAllowed("http://[::1]:7000", null, List.of("[::1]:7000"))).isTrue();
    }

    @Test
    void five_failed_logins_a_minute_are_allowed_then_the_address_waits() {
        LoginThrottle throttle = LoginThrottle.standard();

        for (int i = 0; i < 5; i++) {
            assertThat(throttle.tryAttempt("10.0.0.1", T0.plusSeconds(i))).isTrue();
        }
        assertThat(throttle.tryAttempt("10.0.0.1", T0.plusSeconds(10))).isFalse();
        assertThat(throttle.retryAfter("10.0.0.1", T0.plusSeconds(10))).isEqualTo(Duration.ofSeconds(50));
        assertThat(throttle.tryAttempt("10.0.0.2", T0.plusSeconds(10))).isTrue();
        // the oldest failure ages out after a minute
        assertThat(throttle.tryAttempt("10.0.0.1", T0.plusMillis(60_500))).isTrue();
        assertThat(throttle.tryAttempt("10.0.0.1", T0.plusMillis(60_500))).isFalse();
    }

    @Test
    void a_successful_login_forgives_earlier_failures() {
        LoginThrottle throttle = LoginThrottle.standard();
        for (int i = 0; i < 4; i++) {
            throttle.tryAttempt("10.0.0.1", T0);
        }
        throttle.tryAttempt("10.0.0.1", T0);
        throttle.succeeded("10.0.0.1");

        assertThat(throttle.retryAfter("10.0.0.1", T0)).isZero();
        assertThat(throttle.tryAttempt("10.0.0.1", T0)).isTrue();
    }
}
