package dev.hark.transcript;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hark.feed.Person;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the feed says about who speaks in an episode, for {@link SpeakerNamer}.
 *
 * @param podcastAuthor      {@code <itunes:author>} or the owner's name; used only if it looks like a person's name
 * @param persons            {@code <podcast:person>} of the episode and the podcast (role "host", "guest" …)
 * @param episodeTitle       may be null
 * @param episodeDescription plain text, may be null
 */
public record SpeakerClues(String podcastAuthor, List<Person> persons, String episodeTitle, String episodeDescription) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public SpeakerClues {
        persons = List.copyOf(persons);
    }

    /** No clues at all. */
    public static SpeakerClues none() {
        return new SpeakerClues(null, List.of(), null, null);
    }

    /**
     * The persons in an {@code extrasJson} column ({@code {"persons":[{"name","role",...}]}} of
     * episodes and podcasts); empty for null or unreadable JSON, which only costs a clue.
     */
    public static List<Person> personsFromExtras(String extrasJson) {
        if (extrasJson == null || extrasJson.isBlank()) {
            return List.of();
        }
        List<Person> persons = new ArrayList<>();
        try {
            for (JsonNode node : JSON.readTree(extrasJson).path("persons")) {
                String name = node.path("name").asText("").strip();
                if (!name.isEmpty()) {
                    String role = node.path("role").asText("host").strip().toLowerCase(Locale.ROOT);
                    persons.add(new Person(name, role.isEmpty() ? "host" : role, text(node, "group"),
                            text(node, "href"), text(node, "img")));
                }
            }
        } catch (JacksonException e) {
            return List.of();
        }
        return persons;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
