package dev.hark.feed.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkupRepairTest {

    @Test
    void bare_ampersands_are_escaped_and_references_are_kept() {
        assertThat(MarkupRepair.repair("<t a=\"?x=1&y=2\">Tom & Jerry &amp; &eacute; &#233; &#xE9;</t>"))
                .isEqualTo("<t a=\"?x=1&amp;y=2\">Tom &amp; Jerry &amp; &eacute; &#233; &#xE9;</t>");
    }

    @Test
    void references_to_characters_xml_forbids_are_removed() {
        assertThat(MarkupRepair.repair("<t>a&#0;b&#x1B;c&#9;d&#xFFFF;</t>")).isEqualTo("<t>abc&#9;d</t>");
    }

    @Test
    void cdata_sections_and_comments_are_left_alone() {
        assertThat(MarkupRepair.repair("<t><![CDATA[a & b]]><!-- c & d --> e & f</t>"))
                .isEqualTo("<t><![CDATA[a & b]]><!-- c & d --> e &amp; f</t>");
    }

    @Test
    void a_document_that_needs_nothing_gives_null() {
        assertThat(MarkupRepair.repair("<t>fine &amp; dandy</t>")).isNull();
    }
}
