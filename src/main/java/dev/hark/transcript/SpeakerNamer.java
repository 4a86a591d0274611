package dev.hark.transcript;

import dev.hark.feed.Person;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Gives speaker labels ("A", "B" … from {@link SpeakerTurns}) names, but only from evidence.
 * Pure and thread-safe.
 *
 * <p>The rules, in order:
 * <ol>
 *   <li>A speaker who says "I'm NAME" / "my name is NAME" in the first {@link #INTRO_SECONDS}
 *       seconds is NAME (a first name becomes the full name of a matching host or guest).</li>
 *   <li>The first speaker who welcomes listeners or introduces someone ("welcome to", "joins
 *       us", "with us today", "tell us about yourself") is the host. The host is named when there
 *       is exactly one host candidate: {@code <podcast:person role="host">}, else a podcast author
 *       that looks like a person's name (not "NPR", not "Acme Media").</li>
 *   <li>Guest candidates come from {@code <podcast:person role="guest">}, the episode title and
 *       description ("with Jane Doe", "Jane Doe joins …", "Jane Doe: …") and who the host
 *       introduces in the opening minutes ("we have Jane Doe", "Jane Doe joins us"). One guest
 *       candidate left and one unnamed speaker left besides the host: that speaker is the guest.
 *       Failing that, a sole unnamed speaker who says "thanks for having me" gets a sole guest.</li>
 *   <li>Everyone else is "Speaker N", N their place in order of first appearance.</li>
 * </ol>
 * A name is never given to two speakers, and a guess with two or more candidates is not made.
 */
public final class SpeakerNamer {

    /** How far into the episode introductions are looked for. */
    public static final double INTRO_SECONDS = 300;
    private static final int QUOTE_LENGTH = 80;

    private SpeakerNamer() {
    }

    /**
     * The whole step for a transcript fresh from an engine or a publisher: marks turns with
     * {@link SpeakerTurns} and names them. Publisher names are kept as they are (their evidence
     * says so); a transcript with no turns found comes back without speakers.
     */
    public static NamedTranscript labelAndName(Transcript transcript, SpeakerClues clues) {
        SpeakerTurns.Result turns = SpeakerTurns.mark(transcript);
        return switch (turns.method()) {
            case PUBLISHER -> new NamedTranscript(transcript, transcript.speakers().stream()
                    .map(name -> new SpeakerEvidence(name, name, List.of("named in the publisher's transcript"))).toList());
            case NONE -> new NamedTranscript(turns.transcript(), List.of());
            case TINYDIARIZE, PAUSE_AND_OPENER -> name(turns.transcript(), clues);
        };
    }

    /**
     * Names the labels of a transcript whose speakers are turn labels (not names): every
     * distinct speaker value is treated as a label to be replaced. Use {@link #labelAndName}
     * for a transcript that may carry a publisher's names.
     */
    public static NamedTranscript name(Transcript transcript, SpeakerClues clues) {
        Map<String, Candidate> hosts = hostCandidates(clues);
        Naming naming = new Naming(hosts, guestCandidates(clues, hosts));
        for (Segment segment : transcript.segments()) {
            if (segment.start() < INTRO_SECONDS && segment.speaker() != null) {
                naming.read(segment);
            }
        }
        naming.nameHost();
        naming.nameGuest(transcript.speakers());
        return naming.apply(transcript);
    }

    /** The names found so far, by label, with their evidence. Not thread-safe; one per call. */
    private static final class Naming {
        private final Map<String, Candidate> hosts;
        private final Map<String, Candidate> guests;
        private final Map<String, String> names = new LinkedHashMap<>();
        private final Map<String, List<String>> evidence = new LinkedHashMap<>();
        private final List<String> thankful = new ArrayList<>();
        private String hostLabel;

        Naming(Map<String, Candidate> hosts, Map<String, Candidate> guests) {
            this.hosts = hosts;
            this.guests = guests;
        }

        /** Takes what one segment of the opening minutes says about its speaker and others. */
        void read(Segment segment) {
            String label = segment.speaker();
            boolean hostWords = NameFinder.soundsLikeHost(segment.text());
            if (hostLabel == null && hostWords) {
                hostLabel = label;
                evidenceOf(label).add("welcomes or introduces first, at " + quote(segment));
            }
            if (NameFinder.soundsLikeGuest(segment.text()) && !thankful.contains(label)) {
                thankful.add(label);
            }
            for (String self : NameFinder.selfIntroductions(segment.text())) {
                String full = expand(self, hosts, guests);
                if (!names.containsKey(label) && !names.containsValue(full)) {
                    names.put(label, full);
                    evidenceOf(label).add("introduces themself at " + quote(segment));
                    addCandidateEvidence(full, hosts, guests, evidenceOf(label));
                }
            }
            if (hostWords) {
                for (String mentioned : NameFinder.guestsMentioned(segment.text())) {
                    addMention(mentioned, segment, hosts, guests);
                }
            }
        }

        /** The welcoming speaker gets the host's name when there is exactly one host left. */
        void nameHost() {
            if (hostLabel != null && !names.containsKey(hostLabel)) {
                List<Candidate> unused = unused(hosts, names);
                if (unused.size() == 1) {
                    names.put(hostLabel, unused.getFirst().name);
                    evidenceOf(hostLabel).addAll(unused.getFirst().evidence);
                }
            }
        }

        /** One guest left: the one other unnamed speaker besides the host, or the one who thanks for having them. */
        void nameGuest(List<String> labels) {
            List<Candidate> unusedGuests = unused(guests, names);
            if (unusedGuests.size() != 1) {
                return;
            }
            List<String> others = labels.stream()
                    .filter(label -> !label.equals(hostLabel) && !names.containsKey(label)).toList();
            List<String> thankfulOthers = thankful.stream().filter(others::contains).toList();
            String guestLabel = hostLabel != null && others.size() == 1 ? others.getFirst()
                    : thankfulOthers.size() == 1 ? thankfulOthers.getFirst() : null;
            if (guestLabel != null) {
                Candidate guest = unusedGuests.getFirst();
                names.put(guestLabel, guest.name);
                evidenceOf(guestLabel).add(thankfulOthers.contains(guestLabel) ? "thanks the host for having them"
                        : "the one speaker besides the host");
                evidenceOf(guestLabel).addAll(guest.evidence);
            }
        }

        /** Replaces labels by names, "Speaker N" where there is none. */
        NamedTranscript apply(Transcript transcript) {
            List<String> labels = transcript.speakers();
            List<SpeakerEvidence> speakers = new ArrayList<>();
            Map<String, String> finalNames = new LinkedHashMap<>();
            for (int i = 0; i < labels.size(); i++) {
                String label = labels.get(i);
                String name = names.get(label);
                speakers.add(name == null ? new SpeakerEvidence(label, "Speaker " + (i + 1), List.of())
                        : new SpeakerEvidence(label, name, evidence.get(label)));
                finalNames.put(label, speakers.getLast().name());
            }
            List<Segment> renamed = transcript.segments().stream().map(segment -> segment.speaker() == null ? segment
                    : segment.withSpeaker(finalNames.get(segment.speaker()))).toList();
            return new NamedTranscript(new Transcript(renamed, transcript.approximate()), speakers);
        }

        private List<String> evidenceOf(String label) {
            return evidence.computeIfAbsent(label, l -> new ArrayList<>());
        }
    }

    /** A possible name and where it was seen. */
    private record Candidate(String name, List<String> evidence) {
    }

    private static Map<String, Candidate> hostCandidates(SpeakerClues clues) {
        Map<String, Candidate> hosts = new LinkedHashMap<>();
        for (Person person : clues.persons()) {
            if ("host".equals(role(person))) {
                add(hosts, person.name().strip(), "<podcast:person role=\"host\">" + person.name().strip() + "</podcast:person>");
            }
        }
        if (hosts.isEmpty() && clues.podcastAuthor() != null) {
            for (String author : clues.podcastAuthor().split("\\s*(?:&|,| and )\\s*")) {
                if (NameFinder.looksLikePersonalName(author)) {
                    add(hosts, author.strip(), "podcast author \"" + clues.podcastAuthor().strip() + "\"");
                }
            }
        }
        return hosts;
    }

    private static Map<String, Candidate> guestCandidates(SpeakerClues clues, Map<String, Candidate> hosts) {
        Map<String, Candidate> guests = new LinkedHashMap<>();
        for (Person person : clues.persons()) {
            if ("guest".equals(role(person))) {
                add(guests, person.name().strip(), "<podcast:person role=\"guest\">" + person.name().strip() + "</podcast:person>");
            }
        }
        for (String name : NameFinder.guestsInMetadata(clues.episodeTitle(), true)) {
            add(guests, expand(name, Map.of(), guests), "episode title \"" + abbreviate(clues.episodeTitle()) + "\"");
        }
        for (String name : NameFinder.guestsInMetadata(clues.episodeDescription(), false)) {
            add(guests, expand(name, Map.of(), guests), "episode description mentions " + name);
        }
        guests.keySet().removeIf(key -> hosts.containsKey(key) || hosts.keySet().stream().anyMatch(
                host -> firstName(host).equals(key) || firstName(key).equals(host)));
        return guests;
    }

    /** A name the host mentions counts for a guest when it has two words or matches a known guest's first name. */
    private static void addMention(String mentioned, Segment segment, Map<String, Candidate> hosts,
                                   Map<String, Candidate> guests) {
        String full = expand(mentioned, hosts, guests);
        boolean isHost = hosts.containsKey(full);
        if (!isHost && (full.contains(" ") || guests.containsKey(full))) {
            add(guests, full, "introduced at " + quote(segment));
        }
    }

    private static void add(Map<String, Candidate> candidates, String name, String evidence) {
        Candidate candidate = candidates.computeIfAbsent(key(name), k -> new Candidate(name, new ArrayList<>()));
        if (!candidate.evidence.contains(evidence)) {
            candidate.evidence.add(evidence);
        }
    }

    /** "Jane" becomes "Jane Doe" when exactly one host or guest candidate has that first name. */
    private static String expand(String name, Map<String, Candidate> hosts, Map<String, Candidate> guests) {
        if (name.contains(" ")) {
            return name;
        }
        List<String> matches = new ArrayList<>();
        for (Map<String, Candidate> candidates : List.of(hosts, guests)) {
            for (Candidate candidate : candidates.values()) {
                if (key(firstName(candidate.name)).equals(key(name)) && !matches.contains(candidate.name)) {
                    matches.add(candidate.name);
                }
            }
        }
        return matches.size() == 1 ? matches.getFirst() : name;
    }

    private static void addCandidateEvidence(String name, Map<String, Candidate> hosts, Map<String, Candidate> guests,
                                             List<String> evidence) {
        Optional.ofNullable(hosts.get(key(name))).or(() -> Optional.ofNullable(guests.get(key(name))))
                .ifPresent(candidate -> evidence.addAll(candidate.evidence));
    }

    private static List<Candidate> unused(Map<String, Candidate> candidates, Map<String, String> names) {
        return candidates.values().stream().filter(candidate -> names.values().stream()
                .noneMatch(used -> key(used).equals(key(candidate.name)))).toList();
    }

    private static String role(Person person) {
        return person.role() == null ? "host" : person.role().strip().toLowerCase(Locale.ROOT);
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static String firstName(String name) {
        return name.strip().split("\\s+")[0];
    }

    private static String quote(Segment segment) {
        long seconds = (long) segment.start();
        return String.format(Locale.ROOT, "%d:%02d: \"%s\"", seconds / 60, seconds % 60, abbreviate(segment.text()));
    }

    private static String abbreviate(String text) {
        String line = text.strip();
        return line.length() <= QUOTE_LENGTH ? line : line.substring(0, QUOTE_LENGTH - 1) + "…";
    }
}
