package dev.hark.library;

import org.jdbi.v3.core.Jdbi;

/** Per-podcast playback settings. Thread-safe. */
public final class PodcastSettingsRepository {

    private final Jdbi jdbi;

    public PodcastSettingsRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The podcast's settings, or the defaults when none were saved. */
    public PodcastSettings get(long podcastId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT podcast_id, speed, trim_silence, voice_boost, "
                        + "skip_intro_seconds, skip_outro_seconds, auto_download, auto_download_count, auto_transcribe "
                        + "FROM podcast_settings WHERE podcast_id = ?")
                .bind(0, podcastId)
                .map((rs, ctx) -> new PodcastSettings(rs.getLong(1), rs.getDouble(2), rs.getString(3), rs.getInt(4) != 0,
                        rs.getInt(5), rs.getInt(6), rs.getInt(7) != 0, rs.getInt(8), rs.getInt(9) != 0))
                .findOne()
                .orElse(PodcastSettings.defaults(podcastId)));
    }

    public void save(PodcastSettings settings) {
        jdbi.useTransaction(handle -> {
            PodcastRepository.get(handle, settings.podcastId());
            handle.createUpdate("INSERT INTO podcast_settings (podcast_id, speed, trim_silence, voice_boost, "
                            + "skip_intro_seconds, skip_outro_seconds, auto_download, auto_download_count, auto_transcribe) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (podcast_id) DO UPDATE SET "
                            + "speed = excluded.speed, trim_silence = excluded.trim_silence, voice_boost = excluded.voice_boost, "
                            + "skip_intro_seconds = excluded.skip_intro_seconds, skip_outro_seconds = excluded.skip_outro_seconds, "
                            + "auto_download = excluded.auto_download, auto_download_count = excluded.auto_download_count, "
                            + "auto_transcribe = excluded.auto_transcribe")
                    .bind(0, settings.podcastId())
                    .bind(1, settings.speed())
                    .bind(2, settings.trimSilence())
                    .bind(3, settings.voiceBoost() ? 1 : 0)
                    .bind(4, settings.skipIntroSeconds())
                    .bind(5, settings.skipOutroSeconds())
                    .bind(6, settings.autoDownload() ? 1 : 0)
                    .bind(7, settings.autoDownloadCount())
                    .bind(8, settings.autoTranscribe() ? 1 : 0)
                    .execute();
        });
    }
}
