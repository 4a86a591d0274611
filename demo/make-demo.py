#!/usr/bin/env python3
"""Builds the bundled demo episode from the seed transcript; run by make-demo.sh, which supplies
the tools. Everything is deterministic: the same seed and tools give the same files.

Each sentence is synthesized on its own with espeak-ng, so every transcript cue has the exact
sample where its speech starts and ends. The turns are joined with fixed pauses, two of them
about two seconds long so that "trim silence" has something to remove.
"""

import argparse
import html
import json
import os
import re
import subprocess
import sys
import wave

RATE = 22050  # espeak-ng's own output rate; the MP3 keeps it (MPEG-2 layer III at 32 kbps)
TURNS = 8  # the first eight turns, ending on Gustavo's answer: about four and a half minutes
WPM = 165
VOICES = {
    # US English, the rougher low "m1" variant, a little lower than default
    "Jason": ["-v", "en-us+m1", "-p", "42"],
    # British English, the "m3" variant, higher: accent, timbre and pitch all differ
    "Gustavo": ["-v", "en-gb+m3", "-p", "62"],
}
LEAD_IN = 0.40
AFTER_SENTENCE = 0.30
AFTER_PARAGRAPH = 0.60
# pause after turn i (seconds): natural gaps, and two long ones (~2 s) for trim-silence
TURN_PAUSES = [0.80, 2.00, 0.60, 1.00, 2.20, 0.70, 0.90]
TAIL = 0.60
SILENT = 24  # |sample| at or below this counts as silence when trimming espeak's padding

EPISODE_TITLE = "Gustavo Franco: Reliability as a Product Feature (synthesized excerpt)"
CHAPTER_TITLES = {
    0: "Welcome, and meet Gustavo Franco",
    2: "What is VMware Tanzu?",
    4: "A common platform for reliability",
    6: "SRE beyond SRE",
}


def read_turns(seed_path):
    """The speaker turns after the "Transcript" line: [speaker, [paragraph, ...]]."""
    with open(seed_path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    start = lines.index("Transcript") + 1
    turns = []
    for line in lines[start:]:
        line = line.strip()
        if not line:
            continue
        m = re.match(r"^(Jason|Gustavo): (.*)$", line)
        if m:
            turns.append([m.group(1), [m.group(2)]])
        elif turns:
            turns[-1][1].append(line)  # a paragraph continuing the same speaker's turn
    return turns


def clean(text):
    """Drops the transcriber's "[unintelligible 00:05:15]" markers; the words stay verbatim."""
    text = re.sub(r"\s*\[unintelligible \d{2}:\d{2}:\d{2}\]", "", text)
    return re.sub(r"\s{2,}", " ", text).strip()


def sentences(paragraph):
    """Splits after . ? or ! (and a closing quote, if any) where a capital or an opening quote follows."""
    out, at = [], 0
    for m in re.finditer(r"[.?!][’”\"]?\s+(?=[A-Z‘“\"])", paragraph):
        end = m.end()
        out.append(paragraph[at:end].strip())
        at = end
    tail = paragraph[at:].strip()
    if tail:
        out.append(tail)
    return out


def speakable(text):
    """What espeak-ng is given: the same words with typographic punctuation it reads cleanly."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return text.replace("—", ", ")


def synthesize(text, speaker, path):
    subprocess.run(["espeak-ng", *VOICES[speaker], "-s", str(WPM), "-w", path, "--", speakable(text)],
                   check=True)
    with wave.open(path, "rb") as w:
        if w.getframerate() != RATE or w.getnchannels() != 1 or w.getsampwidth() != 2:
            sys.exit(f"unexpected espeak-ng output format in {path}")
        frames = w.readframes(w.getnframes())
    samples = memoryview(frames).cast("h")
    first = next((i for i, s in enumerate(samples) if abs(s) > SILENT), 0)
    last = next((i for i in range(len(samples) - 1, -1, -1) if abs(samples[i]) > SILENT), len(samples) - 1)
    return frames[first * 2:(last + 1) * 2]


def silence(seconds):
    return b"\0\0" * round(seconds * RATE)


def stamp(seconds):
    ms = round(seconds * 1000)
    return f"{ms // 3_600_000:02d}:{ms // 60_000 % 60:02d}:{ms // 1000 % 60:02d}.{ms % 1000:03d}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--ffmpeg", required=True)
    ap.add_argument("--ffprobe", required=True)
    args = ap.parse_args()

    turns = read_turns(args.seed)[:TURNS]
    if len(turns) < TURNS or {s for s, _ in turns} != {"Jason", "Gustavo"}:
        sys.exit("the seed does not have the expected Jason/Gustavo turns")

    audio = bytearray(silence(LEAD_IN))
    segments, turn_starts, n = [], [], 0
    for t, (speaker, paragraphs) in enumerate(turns):
        turn_starts.append(len(audio) / 2 / RATE)
        for p, paragraph in enumerate(paragraphs):
            said = sentences(clean(paragraph))
            for s, sentence in enumerate(said):
                pcm = synthesize(sentence, speaker, os.path.join(args.work, f"s{n:03d}.wav"))
                n += 1
                start = len(audio) / 2 / RATE
                audio += pcm
                segments.append({"speaker": speaker, "startTime": round(start, 3),
                                 "endTime": round(len(audio) / 2 / RATE, 3), "body": sentence})
                if s < len(said) - 1:
                    audio += silence(AFTER_SENTENCE)
            if p < len(paragraphs) - 1:
                audio += silence(AFTER_PARAGRAPH)
        audio += silence(TURN_PAUSES[t] if t < len(TURN_PAUSES) else TAIL)
    total = len(audio) / 2 / RATE

    wav = os.path.join(args.work, "episode.wav")
    with wave.open(wav, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(bytes(audio))

    mp3 = os.path.join(args.out, "episode-1.mp3")
    subprocess.run([args.ffmpeg, "-hide_banner", "-loglevel", "error", "-y", "-i", wav,
                    "-map_metadata", "-1", "-c:a", "libmp3lame", "-b:a", "32k", "-ac", "1", "-ar", str(RATE),
                    "-id3v2_version", "3",
                    "-metadata", f"title={EPISODE_TITLE}",
                    "-metadata", "artist=Jason and Gustavo Franco (synthesized voices)",
                    "-metadata", "album=Break Things on Purpose (Hark demo)",
                    "-metadata", "comment=Synthesized with eSpeak NG from the public episode transcript",
                    "-fflags", "+bitexact", "-flags:a", "+bitexact", mp3], check=True)
    probed = float(subprocess.run([args.ffprobe, "-v", "error", "-show_entries", "format=duration",
                                   "-of", "default=nw=1:nk=1", mp3],
                                  check=True, capture_output=True, text=True).stdout.strip())
    if abs(probed - total) > 0.2:
        sys.exit(f"the MP3 lasts {probed:.3f}s but the synthesized audio {total:.3f}s")

    with open(os.path.join(args.out, "transcript.json"), "w", encoding="utf-8") as f:
        json.dump({"version": "1.0.0", "segments": segments}, f, ensure_ascii=False, indent=1)
        f.write("\n")

    with open(os.path.join(args.out, "transcript.vtt"), "w", encoding="utf-8") as f:
        f.write("WEBVTT\n")
        for i, seg in enumerate(segments, 1):
            body = seg["body"].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            f.write(f"\n{i}\n{stamp(seg['startTime'])} --> {stamp(seg['endTime'])}\n"
                    f"<v {seg['speaker']}>{body}\n")

    chapters = [{"startTime": 0 if t == 0 else round(turn_starts[t], 3), "title": title}
                for t, title in sorted(CHAPTER_TITLES.items())]
    with open(os.path.join(args.out, "chapters.json"), "w", encoding="utf-8") as f:
        json.dump({"version": "1.2.0", "chapters": chapters}, f, ensure_ascii=False, indent=1)
        f.write("\n")

    write_feed(args.out, os.path.getsize(mp3), round(probed), chapters)
    print(f"{len(turns)} turns, {len(segments)} cues, {total:.3f}s synthesized, MP3 {probed:.3f}s, "
          f"{os.path.getsize(mp3)} bytes")


def hms(seconds):
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def mmss(seconds):
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


def write_feed(out, mp3_length, duration, chapters):
    def esc(text):
        return html.escape(text, quote=False)

    cover = "".join(f"<li>{mmss(round(c['startTime']))} {esc(c['title'])}</li>" for c in chapters)
    notes = (
        "<p>In this episode, Gustavo Franco, a senior engineering manager at VMware, joins Jason to talk "
        "about building reliability as a product feature.</p>"
        "<p><em>This is a demonstration file bundled with Hark: the first eight turns of the public "
        "episode transcript, read aloud by the eSpeak NG speech synthesizer with two different voices. "
        "It is not the original recording.</em></p>"
        f"<p>In this episode, we cover:</p><ul>{cover}</ul>"
        "<p>Links:</p><ul>"
        '<li><a href="https://www.gremlin.com/">Gremlin</a></li>'
        '<li><a href="https://tanzu.vmware.com/">VMware Tanzu</a></li>'
        '<li><a href="https://sre.google/">Google SRE</a></li>'
        "</ul>")
    summary = ("Gustavo Franco, a senior engineering manager at VMware, joins Jason to talk about building "
               "reliability as a product feature. A synthesized excerpt of the public episode transcript, "
               "bundled with Hark for demonstration.")
    channel_description = (
        "A demonstration podcast bundled with Hark so it works with no network. Its one episode is a "
        "synthesized excerpt of a public episode transcript of Break Things on Purpose, a podcast about "
        "chaos engineering and building reliable systems: the speakers' words, read by the eSpeak NG "
        "speech synthesizer with two different voices. It is not the original recording.")
    feed = f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by demo/make-demo.sh; {{{{BASE}}}} is replaced by the serving Hark's own address. -->
<rss version="2.0"
     xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
     xmlns:podcast="https://podcastindex.org/namespace/1.0"
     xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>Break Things on Purpose (Hark demo)</title>
    <link>https://www.gremlin.com/</link>
    <atom:link href="{{{{BASE}}}}/demo/feed.xml" rel="self" type="application/rss+xml"/>
    <language>en</language>
    <description>{esc(channel_description)}</description>
    <itunes:summary>{esc(channel_description)}</itunes:summary>
    <itunes:author>Hark demo (synthesized voices)</itunes:author>
    <itunes:owner>
      <itunes:name>Hark</itunes:name>
    </itunes:owner>
    <itunes:image href="{{{{BASE}}}}/demo/artwork.png"/>
    <image>
      <url>{{{{BASE}}}}/demo/artwork.png</url>
      <title>Break Things on Purpose (Hark demo)</title>
      <link>https://www.gremlin.com/</link>
    </image>
    <itunes:category text="Technology"/>
    <itunes:explicit>false</itunes:explicit>
    <itunes:type>episodic</itunes:type>
    <podcast:medium>podcast</podcast:medium>
    <item>
      <title>{esc(EPISODE_TITLE)}</title>
      <guid isPermaLink="false">hark-demo-break-things-on-purpose-gustavo-franco-excerpt</guid>
      <pubDate>Mon, 01 Sep 2025 09:00:00 +0000</pubDate>
      <description>{esc(summary)}</description>
      <content:encoded><![CDATA[{notes}]]></content:encoded>
      <enclosure url="{{{{BASE}}}}/demo/episode-1.mp3" length="{mp3_length}" type="audio/mpeg"/>
      <itunes:duration>{hms(duration)}</itunes:duration>
      <itunes:episode>1</itunes:episode>
      <itunes:episodeType>full</itunes:episodeType>
      <itunes:explicit>false</itunes:explicit>
      <itunes:image href="{{{{BASE}}}}/demo/artwork.png"/>
      <podcast:transcript url="{{{{BASE}}}}/demo/transcript.json" type="application/json" language="en"/>
      <podcast:transcript url="{{{{BASE}}}}/demo/transcript.vtt" type="text/vtt" language="en" rel="captions"/>
      <podcast:chapters url="{{{{BASE}}}}/demo/chapters.json" type="application/json+chapters"/>
      <podcast:person role="host">Jason</podcast:person>
      <podcast:person role="guest">Gustavo Franco</podcast:person>
    </item>
  </channel>
</rss>
"""
    with open(os.path.join(out, "feed.xml"), "w", encoding="utf-8") as f:
        f.write(feed)


if __name__ == "__main__":
    main()
