package dev.hark.media;

import java.util.Arrays;
import java.util.Random;

/** 16 kHz mono PCM built in code: tone and silence stretches, with optional uniform noise under all. */
final class Signal {

    private short[] samples = new short[0];
    private final double noiseAmplitude;
    private final Random random = new Random(42);

    Signal(double noiseAmplitude) {
        this.noiseAmplitude = noiseAmplitude;
    }

    Signal tone(double seconds, double amplitude) {
        return append(seconds, amplitude);
    }

    Signal silence(double seconds) {
        return append(seconds, 0);
    }

    short[] samples() {
        return samples.clone();
    }

    private Signal append(double seconds, double amplitude) {
        int start = samples.length;
        int count = (int) Math.round(seconds * Ffmpeg.SAMPLE_RATE);
        samples = Arrays.copyOf(samples, start + count);
        for (int i = 0; i < count; i++) {
            double t = (start + i) / (double) Ffmpeg.SAMPLE_RATE;
            double value = amplitude * Math.sin(2 * Math.PI * 440 * t) + noiseAmplitude * (2 * random.nextDouble() - 1);
            samples[start + i] = (short) Math.max(-32768, Math.min(32767, Math.round(value * 32767)));
        }
        return this;
    }
}
