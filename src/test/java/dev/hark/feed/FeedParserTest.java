package dev.hark.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One behaviour per test, each on a small inline feed. */
class FeedParserTest {

    private static final String BASE = "https://example.com/podcast/feed.xml";
    private static final String ITUNES = "xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\"";
    private static final String PODCAST = "xmlns:podcast=\"https://podcastindex.org/namespace/1.0\"";

    private final FeedParser parser = new FeedParser();

    static String rss(String channelContent) {
        return rss("", channelContent);
    }

    static String rss(String namespaces, String channelContent) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" " + namespaces + ">\n<channel>\n"
                + channelContent + "\n</channel>\n</rss>\n";
    }

    static String item(String content) {
        return "<item>" + content + "</item>\n";
    }

    static String enclosure(String url) {
        return "<enclosure url=\"" + url + "\" type=\"audio/mpeg\" length=\"1234\"/>";
    }

    private ParsedFeed parse(String xml) throws FeedParseException {
        return parser.parse(xml.getBytes(StandardCharsets.UTF_8), BASE);
    }

    private ParsedEpisode onlyEpisode(String xml) throws FeedParseException {
        List<ParsedEpisode> episodes = parse(xml).episodes();
        assertThat(episodes).hasSize(1);
        return episodes.getFirst();
    }

    @Test
    void channel_fields_are_read_and_trimmed() throws Exception {
        ParsedFeed feed = parse(rss(ITUNES, """
                <title>
                   My   Show </title>
                <link>https://example.com/</link>
                <description>About the show.</description>
                <language>en-GB</language>
                <itunes:author>Jane Doe</itunes:author>
                <itunes:image href="https://example.com/cover.jpg"/>
                <itunes:type>Serial</itunes:type>
                <itunes:explicit>clean</itunes:explicit>
                <itunes:block>Yes</itunes:block>
                <itunes:new-feed-url>https://new.example.com/feed</itunes:new-feed-url>
                """));
        assertThat(feed.title()).isEqualTo("My Show");
        assertThat(feed.link()).isEqualTo("https://example.com/");
        assertThat(feed.description()).isEqualTo("About the show.");
        assertThat(feed.descriptionHtml()).isNull();
        assertThat(feed.language()).isEqualTo("en-GB");
        assertThat(feed.author()).isEqualTo("Jane Doe");
        assertThat(feed.image()).isEqualTo("https://example.com/cover.jpg");
        assertThat(feed.type()).isEqualTo("serial");
        assertThat(feed.explicit()).isFalse();
        assertThat(feed.block()).isTrue();
        assertThat(feed.newFeedUrl()).isEqualTo("https://new.example.com/feed");
        assertThat(feed.episodes()).isEmpty();
    }

    @Test
    void item_fields_are_read_into_an_episode() throws Exception {
        ParsedEpisode episode = onlyEpisode(rss(ITUNES, item("""
                <title>Episode 1</title>
                <guid isPermaLink="false">abc-123</guid>
                <pubDate>Fri, 21 Nov 1997 09:55:06 -0600</pubDate>
                <itunes:duration>1:02:03</itunes:duration>
                <enclosure url="https://cdn.example.com/ep1.mp3" type="audio/mpeg" length="5000"/>
                <link>https://example.com/ep1</link>
                <itunes:image href="https://example.com/ep1.jpg"/>
                <itunes:season>2</itunes:season>
                <itunes:episode>07</itunes:episode>
                <itunes:episodeType>Trailer</itunes:episodeType>
                <itunes:explicit>yes</itunes:explicit>
                """)));
        assertThat(episode).isEqualTo(new ParsedEpisode("abc-123", "Episode 1", 880_127_706L, 3723L,
                List.of(new Enclosure("https://cdn.example.com/ep1.mp3", "audio/mpeg", 5000L)),
                "https://example.com/ep1", null, null, "https://example.com/ep1.jpg", 2, 7, "trailer", true, false,
                List.of(), null, null, List.of(), List.of(), List.of(), List.of()));
    }

    @Test
    void missing_values_are_null_and_empty_elements_count_as_missing() throws Exception {
        ParsedEpisode episode = onlyEpisode(rss(ITUNES, item("""
                <title>  </title><guid></guid><link/><itunes:duration></itunes:duration>
                <enclosure url="https://cdn.example.com/ep1.mp3" type="" length=""/>
                """)));
        assertThat(episode.title()).isNull();
        assertThat(episode.guid()).isNull();
        assertThat(episode.link()).isNull();
        assertThat(episode.duration()).isNull();
        assertThat(episode.published()).isNull();
        assertThat(episode.media()).isEqualTo(new Enclosure("https://cdn.example.com/ep1.mp3", null, null));
    }

    @Test
    void episodes_stay_in_feed_order() throws Exception {
        ParsedFeed feed = parse(rss(
                item("<title>old</title><pubDate>Mon, 01 Jan 2001 00:00:00 GMT</pubDate>" + enclosure("a.mp3"))
                + item("<title>new</title><pubDate>Mon, 01 Jan 2024 00:00:00 GMT</pubDate>" + enclosure("b.mp3"))
                + item("<title>middle</title><pubDate>Mon, 01 Jan 2010 00:00:00 GMT</pubDate>" + enclosure("c.mp3"))));
        assertThat(feed.episodes()).extracting(ParsedEpisode::title).containsExactly("old", "new", "middle");
    }

    @Test
    void item_without_playable_media_is_left_out() throws Exception {
        ParsedFeed feed = parse(rss(item("<title>text only</title>")
                + item("<title>empty url</title><enclosure url=\" \"/>")
                + item("<title>audio</title>" + enclosure("https://cdn.example.com/a.mp3"))));
        assertThat(feed.episodes()).extracting(ParsedEpisode::title).containsExactly("audio");
    }

    @Test
    void items_sharing_a_guid_are_all_kept() throws Exception {
        ParsedFeed feed = parse(rss(item("<guid>same</guid>" + enclosure("a.mp3"))
                + item("<guid>same</guid>" + enclosure("b.mp3"))));
        assertThat(feed.episodes()).extracting(ParsedEpisode::guid).containsExactly("same", "same");
    }

    @Test
    void relative_urls_are_resolved_against_the_feed_url() throws Exception {
        ParsedFeed feed = parse(rss(ITUNES, """
                <link>/</link>
                <image><url>img/cover.png</url><title>not the title</title></image>
                """ + item("<link>episodes/1</link>" + enclosure("../media/ep1.mp3")
                + "<itunes:image href=\"//images.example.net/ep1.jpg\"/>")));
        assertThat(feed.link()).isEqualTo("https://example.com/");
        assertThat(feed.image()).isEqualTo("https://example.com/podcast/img/cover.png");
        assertThat(feed.title()).isNull();
        ParsedEpisode episode = feed.episodes().getFirst();
        assertThat(episode.link()).isEqualTo("https://example.com/podcast/episodes/1");
        assertThat(episode.media().url()).isEqualTo("https://example.com/media/ep1.mp3");
        assertThat(episode.image()).isEqualTo("https://images.example.net/ep1.jpg");
    }

    @Test
    void relative_urls_are_left_as_written_without_a_base_url() throws Exception {
        ParsedFeed feed = parser.parse(rss(item(enclosure("media/ep1.mp3"))).getBytes(StandardCharsets.UTF_8), null);
        assertThat(feed.episodes().getFirst().media().url()).isEqualTo("media/ep1.mp3");
    }

    @Test
    void undeclared_itunes_podcast_content_and_media_prefixes_are_understood() throws Exception {
        ParsedEpisode episode = onlyEpisode(rss(item("""
                <itunes:duration>90</itunes:duration>
                <podcast:chapters url="https://example.com/ch.json" type="application/json+chapters"/>
                <content:encoded><![CDATA[<p>Notes</p>]]></content:encoded>
                <media:content url="https://cdn.example.com/a.mp3" type="audio/mpeg"/>
                """)));
        assertThat(episode.duration()).isEqualTo(90L);
        assertThat(episode.chaptersUrl()).isEqualTo("https://example.com/ch.json");
        assertThat(episode.description()).isEqualTo("Notes");
        assertThat(episode.media().url()).isEqualTo("https://cdn.example.com/a.mp3");
    }

    @Test
    void any_prefix_bound_to_a_known_namespace_uri_is_understood() throws Exception {
        ParsedEpisode episode = onlyEpisode(rss("xmlns:it=\"http://www.itunes.com/DTDs/Podcast-1.0.dtd\"",
                item("<it:duration>60</it:duration>" + enclosure("a.mp3"))));
        assertThat(episode.duration()).isEqualTo(60L);
    }

    @Test
    void a_conventional_prefix_bound_to_a_misspelt_uri_keeps_its_usual_meaning() throws Exception {
        // A typo in the namespace URI is far more common than reusing "itunes:" for something else.
        ParsedEpisode episode = onlyEpisode(rss("xmlns:itunes=\"http://www.itunes.com/dtd/podcast-1.0.dtd\"",
                item("<itunes:episodeType>bonus</itunes:episodeType>" + enclosure("a.mp3"))));
        assertThat(episode.episodeType()).isEqualTo("bonus");
    }

    @Test
    void undefined_html_entities_are_resolved() throws Exception {
        ParsedFeed feed = parse(rss("<title>Caf&eacute;&nbsp;Talk &hellip; &rsquo;n&rsquo; &NewLine;more</title>"));
        assertThat(feed.title()).isEqualTo("Café Talk … ’n’ more");
    }

    @Test
    void unknown_entities_are_kept_as_written() throws Exception {
        ParsedFeed feed = parse(rss("<title>Tom &madeup; Jerry</title>"));
        assertThat(feed.title()).isEqualTo("Tom &madeup; Jerry");
    }

    @Test
    void references_to_characters_xml_forbids_are_dropped() throws Exception {
        assertThat(parse(rss("<title>A&#0;B&#x1B;C</title>")).title()).isEqualTo("ABC");
    }

    @Test
    void content_after_the_root_element_is_ignored() throws Exception {
        assertThat(parse(rss("<title>A</title>") + "<rss/>\ntrailing junk\u0000").title()).isEqualTo("A");
    }

    @Test
    void an_item_without_a_guid_has_a_null_guid() throws Exception {
        assertThat(onlyEpisode(rss(item("<title>No guid</title>" + enclosure("a.mp3")))).guid()).isNull();
    }

    @Test
    void escaped_html_in_description_gives_plain_text_and_keeps_the_html() throws Exception {
        ParsedEpisode episode = onlyEpisode(rss(item("<description>&lt;p&gt;Hello &amp;amp; "
                + "&lt;b&gt;welcome&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Second&lt;/p&gt;</description>" + enclosure("a.mp3"))));
        assertThat(episode.description()).isEqualTo("Hello & welcome\n\nSecond");
        assertThat(episode.descriptionHtml()).isEqualTo("<p>Hello &amp; <b>welcome</b></p><p>Second</p>");
    }

    @Test
    void cdata_html_in_description_gives_plain_text_with_line_breaks() throws Exception {
        ParsedEpisode episode = onlyEpisode(rss(item("""
                <description><![CDATA[<h2>Links</h2><ul><li>One</li><li>Two</li></ul>Bye<br>now]]></description>
                """ + enclosure("a.mp3"))));
        assertThat(episode.description()).isEqualTo("Links\n\nOne\nTwo\n\nBye\nnow");
    }

    @Test
    void the_richest_of_content_encoded_description_and_summary_is_the_description() throws Exception {
        ParsedEpisode episode = onlyEpisode(rss(ITUNES, item("""
                <description>Short teaser.</description>
                <itunes:summary>A longer plain summary of the episode.</itunes:summary>
                <content:encoded><![CDATA[<p>The full show notes, with <a href="https://x.example">links</a>.</p>]]></content:encoded>
                """ + enclosure("a.mp3"))));
        assertThat(episode.description()).isEqualTo("The full show notes, with links.");
        assertThat(episode.descriptionHtml()).startsWith("<p>The full show notes");
    }

    @Test
    void a_longer_plain_summary_wins_but_the_html_is_still_kept() throws Exception {
        ParsedEpisode episode = onlyEpisode(rss(ITUNES, item("""
                <description><![CDATA[<p>Teaser</p>]]></description>
                <itunes:summary>A much longer plain summary of everything in the episode.</itunes:summary>
                """ + enclosure("a.mp3"))));
        assertThat(episode.description()).isEqualTo("A much longer plain summary of everything in the episode.");
        assertThat(episode.descriptionHtml()).isEqualTo("<p>Teaser</p>");
    }

    @Test
    void unescaped_xhtml_in_description_is_kept_as_markup() throws Exception {
        ParsedEpisode episode = onlyEpisode(rss(item(
                "<description>Intro <p class=\"x\">para <b>bold</b></p></description>" + enclosure("a.mp3"))));
        assertThat(episode.descriptionHtml()).isEqualTo("Intro <p class=\"x\">para <b>bold</b></p>");
        assertThat(episode.description()).isEqualTo("Intro\n\npara bold");
    }

    @Test
    void itunes_summary_subtitle_and_explicit_values_are_read() throws Exception {
        ParsedFeed feed = parse(rss(ITUNES, "<itunes:subtitle>Sub</itunes:subtitle>"
                + item("<itunes:explicit>true</itunes:explicit>" + enclosure("a.mp3"))
                + item("<itunes:explicit>No</itunes:explicit><itunes:block>yes</itunes:block>" + enclosure("b.mp3"))
                + item("<itunes:explicit>maybe</itunes:explicit>" + enclosure("c.mp3"))));
        assertThat(feed.description()).isEqualTo("Sub");
        assertThat(feed.episodes()).extracting(ParsedEpisode::explicit).containsExactly(true, false, null);
        assertThat(feed.episodes()).extracting(ParsedEpisode::block).containsExactly(false, true, false);
    }

    @Test
    void itunes_image_given_as_text_is_accepted() throws Exception {
        ParsedFeed feed = parse(rss(ITUNES, "<itunes:image>https://example.com/cover.jpg</itunes:image>"));
        assertThat(feed.image()).isEqualTo("https://example.com/cover.jpg");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "https://podcastindex.org/namespace/1.0",
        "https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md",
    })
    void podcasting_2_0_tags_are_read_in_current_and_legacy_namespace(String namespace) throws Exception {
        ParsedFeed feed = parse(rss("xmlns:podcast=\"" + namespace + "\"", """
                <podcast:locked owner="me@example.com">yes</podcast:locked>
                <podcast:guid>917393e3-1b1e-5cef-ace4-edaa54e1f810</podcast:guid>
                <podcast:funding url="https://example.com/donate"> Support us! </podcast:funding>
                <podcast:person role="Host" href="https://example.com/jane" img="jane.jpg">Jane Doe</podcast:person>
                """ + item("""
                <podcast:transcript url="https://example.com/ep1.vtt" type="text/vtt" language="en" rel="captions"/>
                <podcast:transcript url="ep1.json" type="application/json"/>
                <podcast:chapters url="https://example.com/ep1-chapters.json" type="application/json+chapters"/>
                <podcast:person role="guest" group="writing" href="https://example.com/bob">Bob</podcast:person>
                <podcast:person name="Old Style"/>
                <podcast:soundbite startTime="73.0" duration="60.5">The best bit</podcast:soundbite>
                <podcast:soundbite startTime="1234.5" duration="42.25"/>
                <podcast:season>3</podcast:season>
                <podcast:episode>12</podcast:episode>
                <enclosure url="https://cdn.example.com/ep1.mp3" type="audio/mpeg" length="100"/>
                <podcast:alternateEnclosure type="audio/opus" length="50" bitrate="64000" title="Small" default="true">
                    <podcast:source uri="https://cdn.example.com/ep1.opus"/>
                    <podcast:source uri="ipfs://QmX"/>
                    <podcast:integrity type="sri" value="sha384-x"/>
                </podcast:alternateEnclosure>
                """)));
        assertThat(feed.locked()).isTrue();
        assertThat(feed.podcastGuid()).isEqualTo("917393e3-1b1e-5cef-ace4-edaa54e1f810");
        assertThat(feed.funding()).containsExactly(new Funding("https://example.com/donate", "Support us!"));
        assertThat(feed.persons()).containsExactly(new Person("Jane Doe", "host", "cast", "https://example.com/jane",
                "https://example.com/podcast/jane.jpg"));
        ParsedEpisode episode = feed.episodes().getFirst();
        assertThat(episode.transcripts()).containsExactly(
                new TranscriptRef("https://example.com/ep1.vtt", "text/vtt", "en", "captions"),
                new TranscriptRef("https://example.com/podcast/ep1.json", "application/json", null, null));
        assertThat(episode.chaptersUrl()).isEqualTo("https://example.com/ep1-chapters.json");
        assertThat(episode.chaptersType()).isEqualTo("application/json+chapters");
        assertThat(episode.persons()).containsExactly(
                new Person("Bob", "guest", "writing", "https://example.com/bob", null),
                new Person("Old Style", "host", "cast", null, null));
        assertThat(episode.soundbites()).containsExactly(new Soundbite(73.0, 60.5, "The best bit"),
                new Soundbite(1234.5, 42.25, null));
        assertThat(episode.season()).isEqualTo(3);
        assertThat(episode.episode()).isEqualTo(12);
        assertThat(episode.alternateEnclosures()).containsExactly(new AlternateEnclosure("audio/opus", 50L, 64000L,
                "Small", true, List.of("https://cdn.example.com/ep1.opus", "ipfs://QmX")));
    }

    @Test
    void legacy_alternate_enclosure_with_the_url_as_text_is_read() throws Exception {
        ParsedEpisode episode = onlyEpisode(rss(PODCAST, item(enclosure("a.mp3") + """
                <podcast:alternateEnclosure type="audio/x-m4a" length="1540076" bitrate="80" title="Low">\
                https://example.com/ep-low.m4a</podcast:alternateEnclosure>""")));
        assertThat(episode.alternateEnclosures()).containsExactly(new AlternateEnclosure("audio/x-m4a", 1540076L, 80L,
                "Low", false, List.of("https://example.com/ep-low.m4a")));
    }

    @Test
    void itunes_season_and_episode_win_over_podcast_ones() throws Exception {
        ParsedEpisode episode = onlyEpisode(rss(ITUNES + " " + PODCAST, item("<podcast:season>9</podcast:season>"
                + "<itunes:season>1</itunes:season><itunes:episode>2</itunes:episode>"
                + "<podcast:episode>3.5</podcast:episode>" + enclosure("a.mp3"))));
        assertThat(episode.season()).isEqualTo(1);
        assertThat(episode.episode()).isEqualTo(2);
    }

    @Test
    void media_content_is_the_enclosure_when_there_is_no_enclosure() throws Exception {
        ParsedEpisode episode = onlyEpisode(rss("xmlns:media=\"http://search.yahoo.com/mrss/\"", item("""
                <media:content url="https://cdn.example.com/cover.jpg" medium="image"/>
                <media:group>
                  <media:content url="https://cdn.example.com/ep.m4a" type="audio/x-m4a" fileSize="300" duration="125"/>
                  <media:content url="https://cdn.example.com/ep.mp3" type="audio/mpeg" fileSize="200"/>
                  <media:thumbnail url="https://cdn.example.com/thumb.jpg"/>
                </media:group>
                """)));
        assertThat(episode.enclosures()).containsExactly(
                new Enclosure("https://cdn.example.com/ep.m4a", "audio/x-m4a", 300L),
                new Enclosure("https://cdn.example.com/ep.mp3", "audio/mpeg", 200L));
        assertThat(episode.duration()).isEqualTo(125L);
        assertThat(episode.image()).isEqualTo("https://cdn.example.com/thumb.jpg");
    }

    @Test
    void media_content_is_ignored_when_the_item_has_an_enclosure() throws Exception {
        ParsedEpisode episode = onlyEpisode(rss(item(enclosure("https://cdn.example.com/ep.mp3")
                + "<media:content url=\"https://cdn.example.com/ep.mp3\" type=\"audio/mpeg\"/>"
                + "<media:content url=\"https://cdn.example.com/other.mp3\" type=\"audio/mpeg\"/>")));
        assertThat(episode.enclosures()).extracting(Enclosure::url).containsExactly("https://cdn.example.com/ep.mp3");
    }

    @Test
    void media_thumbnail_is_the_feed_image_only_as_a_fallback() throws Exception {
        assertThat(parse(rss("<media:thumbnail url=\"https://example.com/t.jpg\"/>")).image())
                .isEqualTo("https://example.com/t.jpg");
        assertThat(parse(rss(ITUNES, "<media:thumbnail url=\"https://example.com/t.jpg\"/>"
                + "<itunes:image href=\"https://example.com/cover.jpg\"/>")).image())
                .isEqualTo("https://example.com/cover.jpg");
    }

    @Test
    void atom_link_with_rel_enclosure_in_an_rss_item_is_an_enclosure() throws Exception {
        ParsedEpisode episode = onlyEpisode(rss("xmlns:atom=\"http://www.w3.org/2005/Atom\"", item(
                "<atom:link rel=\"enclosure\" href=\"https://cdn.example.com/ep.mp3\" type=\"audio/mpeg\" length=\"9\"/>")));
        assertThat(episode.media()).isEqualTo(new Enclosure("https://cdn.example.com/ep.mp3", "audio/mpeg", 9L));
    }

    @Test
    void duplicate_enclosure_urls_are_listed_once() throws Exception {
        ParsedEpisode episode = onlyEpisode(rss(item(enclosure("a.mp3") + enclosure("a.mp3") + enclosure("b.mp3"))));
        assertThat(episode.enclosures()).extracting(Enclosure::url).containsExactly(
                "https://example.com/podcast/a.mp3", "https://example.com/podcast/b.mp3");
    }

    @Test
    void a_permalink_guid_is_the_link_when_there_is_none() throws Exception {
        ParsedFeed feed = parse(rss(item("<guid>https://example.com/ep/1</guid>" + enclosure("a.mp3"))
                + item("<guid isPermaLink=\"false\">https://example.com/ep/2</guid>" + enclosure("b.mp3"))
                + item("<guid>not-a-url</guid>" + enclosure("c.mp3"))));
        assertThat(feed.episodes()).extracting(ParsedEpisode::link).containsExactly("https://example.com/ep/1", null, null);
    }

    @Test
    void dublin_core_date_is_used_when_there_is_no_pub_date() throws Exception {
        ParsedEpisode episode = onlyEpisode(rss("xmlns:dc=\"http://purl.org/dc/elements/1.1/\"",
                item("<dc:date>1997-11-21T15:55:06Z</dc:date>" + enclosure("a.mp3"))));
        assertThat(episode.published()).isEqualTo(880_127_706L);
    }

    @Test
    void language_falls_back_to_xml_lang_on_the_root() throws Exception {
        assertThat(parser.parse("<rss xml:lang=\"nl-BE\"><channel/></rss>".getBytes(StandardCharsets.UTF_8), null)
                .language()).isEqualTo("nl-BE");
    }

    @Test
    void author_falls_back_to_the_name_in_managing_editor() throws Exception {
        assertThat(parse(rss("<managingEditor>jane@example.com (Jane Doe)</managingEditor>")).author())
                .isEqualTo("Jane Doe");
    }

    @Test
    void atom_feed_is_read() throws Exception {
        ParsedFeed feed = parse("""
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
                  <title>Atom Show</title>
                  <subtitle>All about atoms</subtitle>
                  <link rel="self" href="https://example.com/feed.atom"/>
                  <link href="https://example.com/"/>
                  <logo>logo.png</logo>
                  <author><name>Ann Author</name></author>
                  <entry>
                    <title>First</title>
                    <id>urn:uuid:1225c695</id>
                    <updated>2003-12-13T18:30:02Z</updated>
                    <link rel="alternate" type="text/html" href="/first"/>
                    <link rel="enclosure" type="audio/mpeg" length="1337" href="https://example.com/first.mp3"/>
                    <summary>Short</summary>
                    <content type="html">&lt;p&gt;Long &lt;b&gt;content&lt;/b&gt;&lt;/p&gt;</content>
                  </entry>
                  <entry>
                    <title>No media</title>
                    <id>urn:uuid:2</id>
                  </entry>
                </feed>
                """);
        assertThat(feed.title()).isEqualTo("Atom Show");
        assertThat(feed.description()).isEqualTo("All about atoms");
        assertThat(feed.link()).isEqualTo("https://example.com/");
        assertThat(feed.image()).isEqualTo("https://example.com/podcast/logo.png");
        assertThat(feed.author()).isEqualTo("Ann Author");
        assertThat(feed.language()).isEqualTo("de");
        ParsedEpisode entry = onlyEpisodeOf(feed);
        assertThat(entry.guid()).isEqualTo("urn:uuid:1225c695");
        assertThat(entry.published()).isEqualTo(1_071_340_202L);
        assertThat(entry.link()).isEqualTo("https://example.com/first");
        assertThat(entry.media()).isEqualTo(new Enclosure("https://example.com/first.mp3", "audio/mpeg", 1337L));
        assertThat(entry.description()).isEqualTo("Long content");
    }

    @Test
    void atom_xhtml_content_keeps_its_markup() throws Exception {
        ParsedFeed feed = parse("""
                <feed xmlns="http://www.w3.org/2005/Atom"><title>X</title>
                  <entry><title>E</title><link rel="enclosure" href="https://example.com/e.mp3"/>
                    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>One</p><p>Two</p></div></content>
                  </entry>
                </feed>""");
        ParsedEpisode entry = onlyEpisodeOf(feed);
        assertThat(entry.descriptionHtml()).isEqualTo("<div><p>One</p><p>Two</p></div>");
        assertThat(entry.description()).isEqualTo("One\n\nTwo");
    }

    @Test
    void atom_without_a_namespace_declaration_is_still_atom() throws Exception {
        ParsedFeed feed = parse("<feed><title>Bare</title><entry><title>E</title>"
                + "<link rel=\"enclosure\" href=\"https://example.com/e.mp3\"/></entry></feed>");
        assertThat(feed.title()).isEqualTo("Bare");
        assertThat(onlyEpisodeOf(feed).title()).isEqualTo("E");
    }

    @Test
    void rss_1_0_rdf_feed_is_read() throws Exception {
        ParsedFeed feed = parse("""
                <?xml version="1.0"?>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                         xmlns:dc="http://purl.org/dc/elements/1.1/">
                  <channel rdf:about="https://example.com/"><title>RDF Show</title><link>https://example.com/</link>
                    <description>Old school</description></channel>
                  <image rdf:about="https://example.com/i.png"><url>https://example.com/i.png</url></image>
                  <item rdf:about="https://example.com/1"><title>One</title><link>https://example.com/1</link>
                    <dc:date>2003-12-13T18:30:02Z</dc:date>
                    <enclosure url="https://example.com/1.mp3" type="audio/mpeg" length="10"/></item>
                </rdf:RDF>""");
        assertThat(feed.title()).isEqualTo("RDF Show");
        assertThat(feed.description()).isEqualTo("Old school");
        assertThat(feed.image()).isEqualTo("https://example.com/i.png");
        ParsedEpisode item = onlyEpisodeOf(feed);
        assertThat(item.title()).isEqualTo("One");
        assertThat(item.published()).isEqualTo(1_071_340_202L);
    }

    @Test
    void a_very_long_text_value_is_capped() throws Exception {
        String huge = "x".repeat(3_000_000);
        ParsedFeed feed = parse(rss("<description>" + huge + "</description>"));
        assertThat(feed.description().length()).isLessThanOrEqualTo(1 << 20).isGreaterThan(1_000_000);
    }

    private static ParsedEpisode onlyEpisodeOf(ParsedFeed feed) {
        assertThat(feed.episodes()).hasSize(1);
        return feed.episodes().getFirst();
    }
}
