package dev.hark.ai.llm;

import dev.hark.ai.TopicChapter;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LlmChapterTitlesTest {

    private static final List<LlmChapterTitles.Chapter> CHAPTERS = List.of(
            new LlmChapterTitles.Chapter(0, "Welcome, today we talk about serverless."),
            new LlmChapterTitles.Chapter(300, "Lambda cold starts are slow because " + "of packages ".repeat(2000)),
            new LlmChapterTitles.Chapter(4000, "Thanks for listening."));

    private static LlmChapterTitles titles(ChatServer server) {
        LlmSettings settings = server.settings().withContextTokens(4096);
        return new LlmChapterTitles(new OpenAiChat(settings, HttpClient.newHttpClient(), d -> { }, Clock.systemUTC()),
                settings);
    }

    @Test
    void each_chapter_gets_its_title_in_one_call() throws Exception {
        try (ChatServer server = ChatServer.start(ChatServer.stream("Here are the titles:\n",
                "1. **Welcome and serverless**\n", "2. \"Why cold starts hurt\" [05:00]\n", "3. Goodbye.\n"))) {
            assertThat(titles(server).titles(CHAPTERS)).containsExactly(new TopicChapter(0, "Welcome and serverless"),
                    new TopicChapter(300, "Why cold starts hurt"), new TopicChapter(4000, "Goodbye"));
            assertThat(server.requests()).hasSize(1);
            String prompt = server.userText(0);
            assertThat(prompt).contains("Chapter 2 [05:00]:", "Chapter 3 [1:06:40]:", "exactly 3 numbered lines");
            assertThat(TranscriptChunks.tokens(prompt)).isLessThan(4096);
        }
    }

    @Test
    void a_count_that_does_not_match_is_an_llm_exception() throws Exception {
        try (ChatServer server = ChatServer.start(ChatServer.stream("1. Welcome\n2. Cold starts\n"))) {
            assertThatThrownBy(() -> titles(server).titles(CHAPTERS))
                    .isInstanceOf(LlmException.class)
                    .hasMessage("The language model gave 2 chapter titles for 3 chapters.");
        }
    }

    @Test
    void numbered_lines_in_several_styles_are_read_and_long_titles_cut_to_six_words() throws Exception {
        assertThat(LlmChapterTitles.parse("""
                Chapter 1: Intro
                2) The very long title that goes on and on
                **3.** Bold number
                """, 3)).containsExactly("Intro", "The very long title that goes", "Bold number");
    }

    @Test
    void unnumbered_lines_count_only_when_there_are_exactly_enough() throws Exception {
        assertThat(LlmChapterTitles.parse("Intro\nMiddle\n", 2)).containsExactly("Intro", "Middle");
        assertThatThrownBy(() -> LlmChapterTitles.parse("Intro\nMiddle\nEnd\n", 2)).isInstanceOf(LlmException.class);
    }

    @Test
    void numbers_past_the_last_chapter_are_an_llm_exception() {
        assertThatThrownBy(() -> LlmChapterTitles.parse("1. A\n2. B\n3. C\n", 2))
                .isInstanceOf(LlmException.class)
                .hasMessage("The language model gave 3 chapter titles for 2 chapters.");
    }

    @Test
    void no_chapters_ask_nothing() throws Exception {
        try (ChatServer server = ChatServer.start(ChatServer.status(500))) {
            assertThat(titles(server).titles(List.of())).isEmpty();
            assertThat(server.requests()).isEmpty();
        }
    }
}
