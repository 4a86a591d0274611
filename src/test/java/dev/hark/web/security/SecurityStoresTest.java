package dev.hark.web.security;

import dev.hark.library.Database;
import dev.hark.library.NotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecurityStoresTest {

    private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");

    @TempDir
    Path data;

    private Database database;

    @BeforeEach
    void open() {
        database = Database.open(data);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void a_password_is_stored_as_bcrypt_and_only_the_right_one_verifies() {
        Credentials credentials = new Credentials(database.jdbi(), new PasswordHasher(4));
        assertThat(credentials.isPasswordSet()).isFalse();
        assertThat(credentials.verify("anything-at-all".toCharArray())).isFalse();

        credentials.setPassword("correct horse".toCharArray(), T0);

        assertThat(credentials.isPasswordSet()).isTrue();
        assertThat(credentials.verify("correct horse".toCharArray())).isTrue();
        assertThat(credentials.verify("correct hors".toCharArray())).isFalse();
        String stored = database.jdbi().withHandle(h -> h.createQuery("SELECT password_hash FROM credentials")
                .mapTo(String.class).one());
        assertThat(stored).startsWith("$2a$04$").doesNotContain("correct");
    }

    @Test
    void a_short_password_is_refused_in_one_sentence() {
        Credentials credentials = new Credentials(database.jdbi(), new PasswordHasher(4));

        assertThatThrownBy(() -> credentials.setPassword("seven77".toCharArray(), T0))
                .isInstanceOf(RejectedInputException.class)
                .hasMessage("A password needs at least 8 characters.");
        assertThat(credentials.isPasswordSet()).isFalse();
    }

    @Test
    void passwords_longer_than_bcrypt_allows_still_count_every_character() {
        PasswordHasher hasher = new PasswordHasher(4);
        String base = "x".repeat(100);
        String hash = hasher.hash((base + "A").toCharArray());

        assertThat(hasher.verify((base + "A").toCharArray(), hash)).isTrue();
        assertThat(hasher.verify((base + "B").toCharArray(), hash)).isFalse();
        assertThat(hasher.verify("x".toCharArray(), "not a bcrypt hash")).isFalse();
    }

    @Test
    void the_default_cost_is_12() {
        assertThat(PasswordHasher.DEFAULT_COST).isEqualTo(12);
    }

    @Test
    void a_session_is_found_by_its_cookie_value_and_stored_only_as_a_hash() {
        SessionStore sessions = new SessionStore(database.jdbi());

        SessionStore.NewSession created = sessions.create("Firefox", T0);

        assertThat(created.token()).hasSize(43);
        assertThat(created.session().idHash()).isEqualTo(Tokens.sha256(created.token()));
        assertThat(created.session().expires()).isEqualTo(T0.plus(Duration.ofDays(30)));
        String stored = database.jdbi().withHandle(h -> h.createQuery("SELECT id_hash FROM sessions")
                .mapTo(String.class).one());
        assertThat(stored).isNotEqualTo(created.token()).isEqualTo(created.session().idHash());
        assertThat(sessions.find(created.token(), T0.plusSeconds(1))).contains(created.session());
        // another first character (a fixed "x" would be no change one time in 64)
        String tampered = (created.token().charAt(0) == 'x' ? "y" : "x") + created.token().substring(1);
        assertThat(sessions.find(tampered, T0)).isEmpty();
        assertThat(sessions.find(null, T0)).isEmpty();
    }

    @Test
    void a_session_slides_30_days_from_its_last_use_and_then_expires() {
        SessionStore sessions = new SessionStore(database.jdbi());
        String token = sessions.create("Firefox", T0).token();

        Instant day20 = T0.plus(Duration.ofDays(20));
        SessionStore.Session renewed = sessions.find(token, day20).orElseThrow();
        assertThat(renewed.expires()).isEqualTo(day20.plus(Duration.ofDays(30)));
        assertThat(renewed.renewedAt(day20)).isTrue();
        // within five minutes of the last write, nothing is written again
        assertThat(sessions.find(token, day20.plusSeconds(60)).orElseThrow().renewedAt(day20.plusSeconds(60))).isFalse();

        assertThat(sessions.find(token, day20.plus(Duration.ofDays(30)))).isEmpty();
        assertThat(sessions.countLive(T0)).isZero();
    }

    @Test
    void revoking_sessions_ends_them() {
        SessionStore sessions = new SessionStore(database.jdbi());
        String one = sessions.create("a", T0).token();
        String two = sessions.create("b", T0).token();

        sessions.revoke(one);
        assertThat(sessions.find(one, T0)).isEmpty();
        assertThat(sessions.find(two, T0)).isPresent();
        assertThat(sessions.revokeAll()).isEqualTo(1);
        assertThat(sessions.find(two, T0)).isEmpty();
    }

    @Test
    void an_api_token_is_shown_once_and_then_only_its_hash_is_kept() {
        ApiTokens tokens = new ApiTokens(database.jdbi());

        ApiTokens.CreatedToken created = tokens.create("  phone  ", T0);

        assertThat(created.secret()).matches("hark_[A-Za-z0-9_-]{43}");
        assertThat(created.token()).isEqualTo(new ApiTokens.ApiToken(created.token().id(), "phone", T0, null));
        assertThat(tokens.list()).containsExactly(created.token());
        String stored = database.jdbi().withHandle(h -> h.createQuery("SELECT token_hash FROM api_tokens")
                .mapTo(String.class).one());
        assertThat(stored).isEqualTo(Tokens.sha256(created.secret()));

        Instant later = T0.plusSeconds(3600);
        assertThat(tokens.authenticate(created.secret(), later)).contains(
                new ApiTokens.ApiToken(created.token().id(), "phone", T0, later));
        assertThat(tokens.list().getFirst().lastUsed()).isEqualTo(later);
        assertThat(tokens.authenticate(created.secret() + "x", later)).isEmpty();
        assertThat(tokens.authenticate("hark_" + "A".repeat(43), later)).isEmpty();
    }

    @Test
    void a_revoked_api_token_no_longer_authenticates() {
        ApiTokens tokens = new ApiTokens(database.jdbi());
        ApiTokens.CreatedToken created = tokens.create("script", T0);

        assertThat(tokens.revoke(created.token().id()).name()).isEqualTo("script");

        assertThat(tokens.authenticate(created.secret(), T0)).isEmpty();
        assertThat(tokens.list()).isEmpty();
        assertThatThrownBy(() -> tokens.revoke(created.token().id()))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No API token with id " + created.token().id() + "; see them with: hark user token list");
    }

    @Test
    void a_token_name_must_be_one_short_line() {
        ApiTokens tokens = new ApiTokens(database.jdbi());

        assertThatThrownBy(() -> tokens.create(" ", T0)).isInstanceOf(RejectedInputException.class)
                .hasMessage("A token name needs 1 to 100 characters on one line.");
        assertThatThrownBy(() -> tokens.create("a\nb", T0)).isInstanceOf(RejectedInputException.class);
        assertThatThrownBy(() -> tokens.create("n".repeat(101), T0)).isInstanceOf(RejectedInputException.class);
    }

    @Test
    void a_server_secret_is_made_once_and_kept() {
        ServerSecrets secrets = new ServerSecrets(database.jdbi());

        byte[] first = secrets.key("csrf");

        assertThat(first).hasSize(32);
        assertThat(secrets.key("csrf")).isEqualTo(first);
        assertThat(secrets.key("other")).isNotEqualTo(first);
    }
}
