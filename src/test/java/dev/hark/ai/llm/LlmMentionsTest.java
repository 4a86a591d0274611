package dev.hark.ai.llm;

import dev.hark.ai.Mention;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LlmMentionsTest {

    @Test
    void kind_and_name_lines_are_read_in_the_forms_models_write_them() {
        String reply = """
                Here are the names:
                - person: Megan Bigelow
                2. **Organisation**: Google.
                * Company - VMware
                product: "Kubernetes"
                book: The Site Reliability Workbook
                place: Paris
                person: X
                """;

        assertThat(LlmMentions.parse(reply)).containsExactly(
                new LlmMentions.Named("Megan Bigelow", Mention.Kind.PERSON),
                new LlmMentions.Named("Google", Mention.Kind.ORGANISATION),
                new LlmMentions.Named("VMware", Mention.Kind.ORGANISATION),
                new LlmMentions.Named("Kubernetes", Mention.Kind.PRODUCT),
                new LlmMentions.Named("The Site Reliability Workbook", Mention.Kind.BOOK));
    }
}
