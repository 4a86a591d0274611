package dev.hark.ai;

import java.util.List;

/**
 * "In this episode, we cover:" as bullets in time order.
 *
 * @param method how it was made, e.g. {@code extractive:all-minilm-l6-v2}
 */
public record Summary(List<Bullet> bullets, String method) {

    public Summary {
        bullets = List.copyOf(bullets);
    }
}
