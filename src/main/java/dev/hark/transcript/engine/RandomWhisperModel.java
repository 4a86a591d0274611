package dev.hark.transcript.engine;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes a whisper.cpp model (legacy ggml format) with random weights: whisper.cpp loads and
 * runs it, returning segments with timestamps and nonsense words. No real weights can be
 * downloaded where Hark is tested, so tests and benchmarks use this to exercise the real
 * loading and inference code; with the real dimensions it also gives the real compute cost.
 * The format and its pitfalls are in {@code shared/notes/whisper-test-model.md}. Thread-safe.
 *
 * @param state      n_audio_state = n_text_state (S)
 * @param heads      attention heads (H)
 * @param layers     encoder and decoder layers (L; avoid 2: whisper.cpp then treats it as "distil")
 * @param textContext n_text_ctx written in the header; small values bound decoding per window
 */
public record RandomWhisperModel(int state, int heads, int layers, int textContext) {

    private static final int MAGIC = 0x67676d6c;
    private static final int N_VOCAB = 51864;
    private static final int AUDIO_CTX = 1500;
    private static final int MELS = 80;
    private static final int VOCAB_ENTRIES = 221;

    /** A model small enough for unit tests: S 32, 1 head, 1 layer, 16 tokens per window. */
    public static RandomWhisperModel tiny() {
        return new RandomWhisperModel(32, 1, 1, 16);
    }

    /** tiny.en's dimensions (S 384, 6 heads, 4 layers), decoding bounded by {@code textContext}. */
    public static RandomWhisperModel tinyEnSized(int textContext) {
        return new RandomWhisperModel(384, 6, 4, textContext);
    }

    /** base.en's dimensions (S 512, 8 heads, 6 layers), decoding bounded by {@code textContext}. */
    public static RandomWhisperModel baseEnSized(int textContext) {
        return new RandomWhisperModel(512, 8, 6, textContext);
    }

    /** Writes the model to {@code file} with weights drawn from N(0, 0.02) seeded by {@code seed}. */
    public Path write(Path file, long seed) throws IOException {
        Random random = new Random(seed);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            ints(out, MAGIC, N_VOCAB, AUDIO_CTX, state, heads, layers, textContext, state, heads, layers, MELS, 1);
            ints(out, MELS, 201);
            float[] filters = new float[MELS * 201];
            java.util.Arrays.fill(filters, 0.01f);
            floats(out, filters);
            ints(out, VOCAB_ENTRIES);
            for (int i = 0; i < VOCAB_ENTRIES; i++) {
                // entry 220 must be a single space: suppress_blank looks it up
                byte[] token = (i == 220 ? " " : "w" + i).getBytes(StandardCharsets.UTF_8);
                ints(out, token.length);
                out.write(token);
            }
            for (Tensor tensor : tensors()) {
                tensor.write(out, random);
            }
        }
        return file;
    }

    private List<Tensor> tensors() {
        int s = state;
        List<Tensor> all = new ArrayList<>();
        all.add(Tensor.f32("encoder.positional_embedding", s, AUDIO_CTX));
        all.add(Tensor.f16("encoder.conv1.weight", 3, MELS, s));
        all.add(Tensor.f32("encoder.conv1.bias", 1, s));
        all.add(Tensor.f16("encoder.conv2.weight", 3, s, s));
        all.add(Tensor.f32("encoder.conv2.bias", 1, s));
        for (int i = 0; i < layers; i++) {
            String block = "encoder.blocks." + i + ".";
            attention(all, block + "attn");
            mlp(all, block);
        }
        all.add(Tensor.f32("encoder.ln_post.weight", s));
        all.add(Tensor.f32("encoder.ln_post.bias", s));
        all.add(Tensor.f32("decoder.positional_embedding", s, textContext));
        all.add(Tensor.f16("decoder.token_embedding.weight", s, N_VOCAB));
        for (int i = 0; i < layers; i++) {
            String block = "decoder.blocks." + i + ".";
            attention(all, block + "attn");
            attention(all, block + "cross_attn");
            mlp(all, block);
        }
        all.add(Tensor.f32("decoder.ln.weight", s));
        all.add(Tensor.f32("decoder.ln.bias", s));
        return all;
    }

    private void attention(List<Tensor> all, String prefix) {
        all.add(Tensor.f32(prefix + "_ln.weight", state));
        all.add(Tensor.f32(prefix + "_ln.bias", state));
        for (String part : List.of("query", "key", "value", "out")) {
            all.add(Tensor.f16(prefix + "." + part + ".weight", state, state));
            if (!part.equals("key")) {
                all.add(Tensor.f32(prefix + "." + part + ".bias", state));
            }
        }
    }

    private void mlp(List<Tensor> all, String block) {
        all.add(Tensor.f32(block + "mlp_ln.weight", state));
        all.add(Tensor.f32(block + "mlp_ln.bias", state));
        all.add(Tensor.f16(block + "mlp.0.weight", state, 4 * state));
        all.add(Tensor.f32(block + "mlp.0.bias", 4 * state));
        all.add(Tensor.f16(block + "mlp.2.weight", 4 * state, state));
        all.add(Tensor.f32(block + "mlp.2.bias", state));
    }

    /** One tensor: dims innermost first, type 0 = f32, 1 = f16. */
    private record Tensor(String name, boolean half, int... dims) {
        static Tensor f32(String name, int... dims) {
            return new Tensor(name, false, dims);
        }

        static Tensor f16(String name, int... dims) {
            return new Tensor(name, true, dims);
        }

        void write(OutputStream out, Random random) throws IOException {
            byte[] nameBytes = name.getBytes(StandardCharsets.US_ASCII);
            ints(out, dims.length, nameBytes.length, half ? 1 : 0);
            ints(out, dims);
            out.write(nameBytes);
            long count = 1;
            for (int dim : dims) {
                count *= dim;
            }
            int width = half ? 2 : 4;
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024).order(ByteOrder.LITTLE_ENDIAN);
            for (long i = 0; i < count; i++) {
                float value = (float) (random.nextGaussian() * 0.02);
                if (half) {
                    buffer.putShort(Float.floatToFloat16(value));
                } else {
                    buffer.putFloat(value);
                }
                if (buffer.remaining() < width) {
                    out.write(buffer.array(), 0, buffer.position());
                    buffer.clear();
                }
            }
            out.write(buffer.array(), 0, buffer.position());
        }
    }

    private static void ints(OutputStream out, int... values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int value : values) {
            buffer.putInt(value);
        }
        out.write(buffer.array());
    }

    private static void floats(OutputStream out, float[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            buffer.putFloat(value);
        }
        out.write(buffer.array());
    }
}
