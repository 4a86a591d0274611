package dev.hark.chapters;

import dev.hark.media.Ffmpeg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Id3ChaptersTest {

    @TempDir
    Path dir;

    /** A 10 s MP3 with three chapters, made by the bundled ffmpeg with this ID3v2 version. */
    static Path mp3WithChapters(Path dir, int id3Version) throws Exception {
        Path metadata = dir.resolve("chapters-" + id3Version + ".txt");
        Files.writeString(metadata, """
                ;FFMETADATA1
                title=Test episode
                [CHAPTER]
                TIMEBASE=1/1000
                START=0
                END=2500
                title=Intro
                [CHAPTER]
                TIMEBASE=1/1000
                START=2500
                END=7000
                title=Café – Überblick
                [CHAPTER]
                TIMEBASE=1/1000
                START=7000
                END=10000
                title=Outro
                """, StandardCharsets.UTF_8);
        Path out = dir.resolve("chapters-v" + id3Version + ".mp3");
        new Ffmpeg().run(List.of("-f", "lavfi", "-i", "sine=duration=10", "-i", metadata.toString(),
                "-map", "0:a", "-map_metadata", "1", "-codec:a", "libmp3lame", "-b:a", "32k",
                "-id3v2_version", Integer.toString(id3Version), "-y", out.toString()), Duration.ofSeconds(60));
        return out;
    }

    private static final List<Chapter> FFMPEG_CHAPTERS = List.of(
            new Chapter(0, 2.5, "Intro", null, null, true),
            new Chapter(2.5, 7.0, "Café – Überblick", null, null, true),
            new Chapter(7, 10.0, "Outro", null, null, true));

    @Test
    void reads_chapters_ffmpeg_writes_in_id3v2_3() throws Exception {
        try (InputStream in = Files.newInputStream(mp3WithChapters(dir, 3))) {
            assertThat(Id3Chapters.read(in)).isEqualTo(new Chapters(FFMPEG_CHAPTERS, Chapters.ID3));
        }
    }

    @Test
    void reads_chapters_ffmpeg_writes_in_id3v2_4() throws Exception {
        try (InputStream in = Files.newInputStream(mp3WithChapters(dir, 4))) {
            assertThat(Id3Chapters.read(in)).isEqualTo(new Chapters(FFMPEG_CHAPTERS, Chapters.ID3));
        }
    }

    @Test
    void a_file_without_a_tag_has_no_chapters() throws Exception {
        Path plain = dir.resolve("plain.mp3");
        new Ffmpeg().run(List.of("-f", "lavfi", "-i", "sine=duration=1", "-codec:a", "libmp3lame",
                "-write_id3v2", "0", "-y", plain.toString()), Duration.ofSeconds(60));
        try (InputStream in = Files.newInputStream(plain)) {
            assertThat(Id3Chapters.read(in)).isEqualTo(new Chapters(List.of(), Chapters.ID3));
        }
        assertThat(Id3Chapters.read(new ByteArrayInputStream(new byte[0])).isEmpty()).isTrue();
    }

    @Test
    void reads_utf16_titles_syncsafe_frame_sizes_links_and_the_top_level_toc_of_a_v2_4_tag() throws Exception {
        byte[] bom = {(byte) 0xFF, (byte) 0xFE};
        byte[] utf16Title = concat(new byte[] {1}, bom, "Grüße".getBytes(StandardCharsets.UTF_16LE), new byte[] {0, 0});
        // a title over 127 bytes makes the syncsafe size differ from a plain one
        String longTitle = "L".repeat(200);
        byte[] link = concat(new byte[] {0}, ascii("desc\0https://example.org/two"));
        byte[] tag = tag(4,
                frame(4, "CTOC", concat(ascii("toc\0"), new byte[] {0x03, 2}, ascii("c2\0c1\0"))),
                frame(4, "CHAP", chap("c1", 0, 60_000, frame(4, "TIT2", utf16Title))),
                frame(4, "CHAP", chap("c2", 60_000, 120_000,
                        frame(4, "TIT2", concat(new byte[] {3}, ascii(longTitle))), frame(4, "WXXX", link))),
                frame(4, "CHAP", chap("hidden", 90_000, 90_000)));
        Chapters read = Id3Chapters.read(new ByteArrayInputStream(tag));
        // the CTOC lists c2 first, so the untitled hidden chapter (not listed) is number 3
        assertThat(read).isEqualTo(new Chapters(List.of(
                new Chapter(0, 60.0, "Grüße", null, null, true),
                new Chapter(60, 120.0, longTitle, "https://example.org/two", null, true),
                new Chapter(90, null, "Chapter 3", null, null, false)), Chapters.ID3));
    }

    @Test
    void undoes_tag_level_unsynchronisation_in_v2_3() throws Exception {
        byte[] title = concat(new byte[] {0}, ascii("\u00ff\u00e9")); // 0xFF then 0xE9 needs a stuffed zero
        byte[] plain = tag(3, frame(3, "CHAP", chap("a", 1000, 2000, frame(3, "TIT2", title))));
        ByteArrayOutputStream stuffed = new ByteArrayOutputStream();
        stuffed.write(plain, 0, 10);
        for (int i = 10; i < plain.length; i++) {
            stuffed.write(plain[i]);
            if ((plain[i] & 0xFF) == 0xFF) {
                stuffed.write(0);
            }
        }
        byte[] bytes = stuffed.toByteArray();
        bytes[5] = (byte) 0x80;
        writeSyncsafe(bytes, 6, bytes.length - 10);
        assertThat(Id3Chapters.read(new ByteArrayInputStream(bytes)).list())
                .containsExactly(new Chapter(1, 2.0, "ÿé", null, null, true));
    }

    @Test
    void a_frame_that_claims_more_than_the_tag_holds_is_malformed() {
        byte[] tag = tag(3, frame(3, "CHAP", chap("a", 0, 1000)));
        tag[10 + 7] += 50; // the CHAP frame's size, past the end
        assertThatThrownBy(() -> Id3Chapters.read(new ByteArrayInputStream(tag)))
                .isInstanceOf(ChaptersException.class)
                .hasMessage("The ID3 frame CHAP claims more bytes than its tag holds.");
    }

    @Test
    void a_tag_over_the_limit_is_refused_without_reading_it() {
        byte[] header = {'I', 'D', '3', 3, 0, 0, 0, 0, 0, 0};
        writeSyncsafe(header, 6, Id3Chapters.MAX_TAG_BYTES + 1);
        assertThatThrownBy(() -> Id3Chapters.read(new ByteArrayInputStream(header)))
                .isInstanceOf(ChaptersException.class)
                .hasMessage("The ID3 tag is larger than 16 MiB.");
    }

    @Test
    void a_truncated_tag_is_malformed() {
        byte[] tag = tag(3, frame(3, "CHAP", chap("a", 0, 1000)));
        byte[] cut = Arrays.copyOf(tag, tag.length - 3);
        assertThatThrownBy(() -> Id3Chapters.read(new ByteArrayInputStream(cut)))
                .isInstanceOf(ChaptersException.class)
                .hasMessage("The file ends inside its ID3 tag.");
    }

    static byte[] tag(int version, byte[]... frames) {
        byte[] body = concat(frames);
        byte[] header = {'I', 'D', '3', (byte) version, 0, 0, 0, 0, 0, 0};
        writeSyncsafe(header, 6, body.length);
        return concat(header, body);
    }

    static byte[] frame(int version, String id, byte[] data) {
        byte[] header = concat(ascii(id), new byte[6]);
        if (version == 4) {
            writeSyncsafe(header, 4, data.length);
        } else {
            for (int i = 0; i < 4; i++) {
                header[4 + i] = (byte) (data.length >>> (24 - 8 * i));
            }
        }
        return concat(header, data);
    }

    static byte[] chap(String id, int startMs, int endMs, byte[]... subFrames) {
        byte[] times = new byte[16];
        for (int i = 0; i < 4; i++) {
            times[i] = (byte) (startMs >>> (24 - 8 * i));
            times[4 + i] = (byte) (endMs >>> (24 - 8 * i));
            times[8 + i] = (byte) 0xFF;
            times[12 + i] = (byte) 0xFF;
        }
        return concat(ascii(id + "\0"), times, concat(subFrames));
    }

    private static void writeSyncsafe(byte[] bytes, int at, int value) {
        for (int i = 0; i < 4; i++) {
            bytes[at + i] = (byte) ((value >>> (21 - 7 * i)) & 0x7F);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
