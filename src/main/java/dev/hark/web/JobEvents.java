package dev.hark.web;

import dev.hark.jobs.JobQueue;
import io.javalin.http.sse.SseClient;

import java.util.List;
import java.util.Map;

/**
 * Live job progress as server-sent events: a "jobs" event with the live jobs whenever they
 * change (checked twice a second), so pages show progress without polling.
 */
final class JobEvents {

    private final JobQueue queue;

    JobEvents(JobQueue queue) {
        this.queue = queue;
    }

    void stream(SseClient client) {
        client.keepAlive();
        Thread.ofVirtual().name("sse-jobs").start(() -> {
            String last = null;
            try {
                while (!client.terminated()) {
                    List<Map<String, Object>> jobs = queue.live().stream().map(Api::job).toList();
                    String now = jobs.toString();
                    if (!now.equals(last)) {
                        client.sendEvent("jobs", jobs);
                        last = now;
                    }
                    Thread.sleep(500);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // the browser went away mid-send
            } finally {
                client.close();
            }
        });
    }
}
