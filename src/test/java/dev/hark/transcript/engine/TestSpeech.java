package dev.hark.transcript.engine;

import dev.hark.media.Ffmpeg;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Speech-like test audio made by the bundled ffmpeg: a warbling tone in bursts, with some noise. */
final class TestSpeech {

    private TestSpeech() {
    }

    static Path write(Ffmpeg ffmpeg, Path out, double seconds) throws Exception {
        String expression = "0.4*sin(2*PI*(200+80*sin(2*PI*3*t))*t)*gt(sin(2*PI*0.4*t),-0.3)+0.01*(2*random(0)-1)";
        ffmpeg.run(List.of("-y", "-f", "lavfi", "-i",
                String.format(Locale.ROOT, "aevalsrc=exprs='%s':s=16000:d=%.3f", expression, seconds),
                "-ac", "1", "-c:a", "libmp3lame", "-b:a", "32k", out.toString()), Duration.ofSeconds(60));
        return out;
    }
}
