package dev.hark.library;

import java.time.Instant;

/**
 * Where the listener is in an episode, and whether it is played. Never touched by a refresh.
 *
 * @param timeSaved seconds of silence the player skipped in this episode
 */
public record PlayState(long episodeId, double position, boolean played, Instant updatedAt, double timeSaved) {
}
