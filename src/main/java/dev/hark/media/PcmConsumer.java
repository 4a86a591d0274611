package dev.hark.media;

/** Receives decoded audio as it comes: 16 kHz mono signed 16-bit samples. */
@FunctionalInterface
public interface PcmConsumer {

    /**
     * @param samples a buffer reused between calls: copy what must outlive the call
     * @param count   how many samples at the start of {@code samples} are new
     */
    void accept(short[] samples, int count);
}
