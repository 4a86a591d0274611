package dev.hark.library;

import java.util.Set;

/**
 * How a podcast plays: speed 0.5–3.0, silence trimming level, voice boost, seconds skipped at
 * the start and end, automatic downloads of the newest episodes, and automatic transcription.
 */
public record PodcastSettings(long podcastId, double speed, String trimSilence, boolean voiceBoost,
                              int skipIntroSeconds, int skipOutroSeconds, boolean autoDownload,
                              int autoDownloadCount, boolean autoTranscribe) {

    public static final Set<String> TRIM_LEVELS = Set.of("off", "mild", "strong");

    public PodcastSettings {
        if (!(speed >= 0.5 && speed <= 3.0)) {
            throw new LibraryException("Speed must be between 0.5 and 3.0");
        }
        speed = Math.round(speed * 10) / 10.0;
        if (!TRIM_LEVELS.contains(trimSilence)) {
            throw new LibraryException("Trim silence must be off, mild or strong");
        }
        if (skipIntroSeconds < 0 || skipIntroSeconds > 600 || skipOutroSeconds < 0 || skipOutroSeconds > 600) {
            throw new LibraryException("Skipped seconds must be between 0 and 600");
        }
        if (autoDownloadCount < 0 || autoDownloadCount > 100) {
            throw new LibraryException("Auto-download count must be between 0 and 100");
        }
    }

    public static PodcastSettings defaults(long podcastId) {
        return new PodcastSettings(podcastId, 1.0, "off", false, 0, 0, false, 3, false);
    }
}
