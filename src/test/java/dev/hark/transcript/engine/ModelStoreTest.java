package dev.hark.transcript.engine;

import com.sun.net.httpserver.HttpExchange;
import dev.hark.testing.LoopbackFeedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelStoreTest {

    @TempDir
    static Path generated;

    private static byte[] model;
    private static String sha1;

    @TempDir
    Path data;

    private LoopbackFeedServer server;
    private final List<String> ranges = new CopyOnWriteArrayList<>();
    private final List<long[]> progress = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void makeModel() throws Exception {
        Path file = RandomWhisperModel.tiny().write(generated.resolve("ggml-tiny.en.bin"), 3);
        model = Files.readAllBytes(file);
        sha1 = ModelStore.digest(file, "SHA-1");
    }

    @BeforeEach
    void start() {
        server = LoopbackFeedServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ModelStore store(Map<String, String> checksums) {
        return new ModelStore(data.resolve("models"), URI.create(server.url("/models")), checksums);
    }

    @Test
    void a_model_is_fetched_once_with_progress_and_verified() throws Exception {
        server.handle("/models/ggml-tiny.en.bin", exchange -> serve(exchange, false));

        Path file = store(Map.of("tiny.en", sha1)).resolve("tiny.en", (bytes, total) -> progress.add(new long[]{bytes, total}));

        assertThat(file).isEqualTo(data.resolve("models/ggml-tiny.en.bin")).hasBinaryContent(model);
        assertThat(progress.getFirst()).containsExactly(0, model.length);
        assertThat(progress.getLast()).containsExactly(model.length, model.length);
        assertThat(progress).extracting(p -> p[0]).isSorted();
        assertThat(store(Map.of()).resolve("tiny.en", ModelStore.DownloadProgress.NONE)).isEqualTo(file);
        assertThat(server.requestCount("/models/ggml-tiny.en.bin")).isEqualTo(1);
    }

    @Test
    void a_download_cut_midway_resumes_with_a_range_request() throws Exception {
        server.handle("/models/ggml-tiny.en.bin", exchange -> serve(exchange, ranges.isEmpty()));
        ModelStore store = store(Map.of("tiny.en", sha1));

        assertThatThrownBy(() -> store.resolve("tiny.en", ModelStore.DownloadProgress.NONE))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("resume")
                .matches(e -> ((ModelException) e).retryable());
        Path part = data.resolve("models/ggml-tiny.en.bin.part");
        assertThat(Files.size(part)).isPositive().isLessThan(model.length);
        long had = Files.size(part);

        Path file = store.resolve("tiny.en", (bytes, total) -> progress.add(new long[]{bytes, total}));

        assertThat(ranges).containsExactly("", "bytes=" + had + "-");
        assertThat(progress.getFirst()).containsExactly(had, model.length);
        assertThat(file).hasBinaryContent(model);
        assertThat(part).doesNotExist();
    }

    @Test
    void a_checksum_mismatch_deletes_the_file_and_fails() {
        server.handle("/models/ggml-base.en.bin", exchange -> serve(exchange, false));
        ModelStore store = store(Map.of("base.en", "0".repeat(40)));

        assertThatThrownBy(() -> store.resolve("base.en", ModelStore.DownloadProgress.NONE))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("base.en is damaged (checksum " + sha1);
        assertThat(data.resolve("models/ggml-base.en.bin")).doesNotExist();
        assertThat(data.resolve("models/ggml-base.en.bin.part")).doesNotExist();
    }

    @Test
    void a_path_is_used_as_is_and_an_unknown_name_is_refused() throws Exception {
        Path own = generated.resolve("ggml-tiny.en.bin");
        assertThat(store(Map.of()).resolve(own.toString(), ModelStore.DownloadProgress.NONE)).isEqualTo(own);
        assertThatThrownBy(() -> store(Map.of()).resolve("huge.en", ModelStore.DownloadProgress.NONE))
                .isInstanceOf(ModelException.class)
                .hasMessageStartingWith("Unknown speech model \"huge.en\": use one of tiny, tiny.en,");
    }

    @Test
    void english_feeds_default_to_base_en() {
        assertThat(ModelStore.defaultFor("en-GB")).isEqualTo("base.en");
        assertThat(ModelStore.defaultFor(null)).isEqualTo("base.en");
        assertThat(ModelStore.defaultFor("de")).isEqualTo("base");
    }

    /** Serves the model, honouring Range; {@code cut} sends half of it and drops the connection. */
    private void serve(HttpExchange exchange, boolean cut) throws IOException {
        String range = exchange.getRequestHeaders().getFirst("Range");
        ranges.add(range == null ? "" : range);
        int from = range == null ? 0 : Integer.parseInt(range.replaceAll("bytes=(\\d+)-", "$1"));
        if (from > 0) {
            exchange.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + (model.length - 1) + "/" + model.length);
        }
        exchange.sendResponseHeaders(from > 0 ? 206 : 200, model.length - from);
        OutputStream body = exchange.getResponseBody();
        if (cut) {
            body.write(model, from, (model.length - from) / 2);
            body.flush();
            try {
                exchange.close();
            } catch (RuntimeException e) {
                // expected: fewer bytes than announced
            }
            return;
        }
        body.write(model, from, model.length - from);
        body.close();
    }
}
