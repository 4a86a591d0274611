package dev.hark.transcript.engine;

import java.util.Locale;

/**
 * How far a transcription has got.
 *
 * @param doneSeconds    audio transcribed so far (including what a resumed run had done before)
 * @param totalSeconds   the audio's length, or 0 when unknown
 * @param realTimeFactor seconds of audio transcribed per second of wall time in this run (0 before the first window)
 * @param windowsDone    windows finished so far, in this run
 */
public record ProgressReport(double doneSeconds, double totalSeconds, double realTimeFactor, int windowsDone) {

    /** Fraction done from 0 to 1, or -1 when the length is unknown. */
    public double fraction() {
        return totalSeconds > 0 ? Math.min(1.0, doneSeconds / totalSeconds) : -1;
    }

    /** Estimated seconds left, or -1 when it cannot be estimated yet. */
    public double etaSeconds() {
        return totalSeconds > 0 && realTimeFactor > 0 ? Math.max(0, totalSeconds - doneSeconds) / realTimeFactor : -1;
    }

    /** E.g. "transcribing 12:30 of 58:10, 11× real time, about 4 min left". */
    public String message() {
        StringBuilder text = new StringBuilder("transcribing ").append(clock(doneSeconds));
        if (totalSeconds > 0) {
            text.append(" of ").append(clock(totalSeconds));
        }
        if (realTimeFactor > 0) {
            text.append(String.format(Locale.ROOT, realTimeFactor >= 10 ? ", %.0f× real time" : ", %.1f× real time",
                    realTimeFactor));
        }
        double eta = etaSeconds();
        if (eta >= 0) {
            text.append(eta < 60 ? ", less than a minute left"
                    : String.format(Locale.ROOT, ", about %d min left", Math.round(eta / 60)));
        }
        return text.toString();
    }

    static String clock(double seconds) {
        long whole = Math.round(seconds);
        return whole >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
                : String.format(Locale.ROOT, "%d:%02d", whole / 60, whole % 60);
    }
}
