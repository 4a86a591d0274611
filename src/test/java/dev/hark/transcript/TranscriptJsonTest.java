package dev.hark.transcript;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TranscriptJsonTest {

    @Test
    void the_web_json_has_the_source_flags_and_contract_segments() throws Exception {
        StoredTranscript stored = new StoredTranscript(7, "publisher", TranscriptFormat.HTML, "en", new Transcript(List.of(
                new Segment(0, 1.5, "Jason", "Hi.", List.of(new Word(0, 1.5, "Hi."))),
                new Segment(1.5, 3.25, null, "[music]")), true), Instant.EPOCH);

        String json = TranscriptJson.toJson(stored);

        assertThat(json).isEqualTo("{\"episode\":7,\"source\":\"publisher\",\"language\":\"en\",\"approximate\":true,"
                + "\"speakers\":[\"Jason\"],\"segments\":[{\"start\":0.0,\"end\":1.5,\"speaker\":\"Jason\",\"text\":\"Hi.\"},"
                + "{\"start\":1.5,\"end\":3.25,\"speaker\":null,\"text\":\"[music]\"}]}");
        // the segments read back through the contract reader
        assertThat(TranscriptReaders.read(new ObjectMapper().readTree(json).toString(), null).segments())
                .extracting(Segment::text).containsExactly("Hi.", "[music]");
    }
}
