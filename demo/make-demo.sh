#!/usr/bin/env bash
# Regenerates the bundled offline demo podcast in src/main/resources/demo/ from the seed
# transcript, so `hark --demo` has a real episode to show with no network:
#   episode-1.mp3  speech synthesized with espeak-ng (two voices), MP3 mono 32 kbps
#   transcript.vtt, transcript.json  per-sentence cues with the exact synthesized times
#   chapters.json, artwork.png, feed.xml  ({{BASE}} stands for the serving Hark's address)
#
# Usage: demo/make-demo.sh [SEED]   (default: ../shared/seed/episode-page.txt)
# Needs: espeak-ng, python3, ImageMagick's convert, unzip (apt-get install espeak-ng imagemagick unzip)
# and the org.bytedeco:ffmpeg linux-x86_64 jar in ~/.m2 (./mvnw fetches it), whose ffmpeg has libmp3lame.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
seed=${1:-$root/../shared/seed/episode-page.txt}
out=$root/src/main/resources/demo

for tool in espeak-ng python3 convert unzip; do
    command -v "$tool" >/dev/null || { echo "make-demo: $tool is not installed" >&2; exit 1; }
done
[ -f "$seed" ] || { echo "make-demo: no seed transcript at $seed" >&2; exit 1; }

# the same ffmpeg the application bundles, at the version pom.xml names
version=$(sed -n 's:.*<bytedeco.ffmpeg.version>\(.*\)</bytedeco.ffmpeg.version>.*:\1:p' "$root/pom.xml")
jar=${FFMPEG_JAR:-$HOME/.m2/repository/org/bytedeco/ffmpeg/$version/ffmpeg-$version-linux-x86_64.jar}
[ -f "$jar" ] || { echo "make-demo: $jar is missing; run ./mvnw -q compile first" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unzip -q "$jar" 'org/bytedeco/ffmpeg/linux-x86_64/*' -d "$work/ffmpeg"
bin=$work/ffmpeg/org/bytedeco/ffmpeg/linux-x86_64
chmod +x "$bin/ffmpeg" "$bin/ffprobe"
# the jar holds libva.so and libva-drm.so, but ffmpeg asks for their sonames (JavaCPP links these itself)
ln -s libva.so "$bin/libva.so.2"
ln -s libva-drm.so "$bin/libva-drm.so.2"
export LD_LIBRARY_PATH=$bin

mkdir -p "$out"
python3 "$here/make-demo.py" --seed "$seed" --out "$out" --work "$work" \
    --ffmpeg "$bin/ffmpeg" --ffprobe "$bin/ffprobe"

# cover art: 600x600, flat colours and a few words, so it stays small; no timestamps in the PNG
font=$(fc-match -f '%{file}' 'DejaVu Sans:bold' 2>/dev/null || true)
font_args=()
[ -n "$font" ] && font_args=(-font "$font")
convert -size 600x600 xc:'#1d2633' \
    -fill '#e4572e' -draw 'rectangle 0,0 600,18' \
    -fill '#e4572e' -draw 'rectangle 60,330 76,430' -draw 'rectangle 92,300 108,460' \
    -draw 'rectangle 124,350 140,410' -draw 'rectangle 156,280 172,480' -draw 'rectangle 188,320 204,440' \
    -fill '#7fb7be' -draw 'rectangle 236,360 252,400' -draw 'rectangle 268,310 284,450' \
    -draw 'rectangle 300,340 316,420' -draw 'rectangle 332,290 348,470' -draw 'rectangle 364,345 380,415' \
    -draw 'rectangle 396,325 412,435' \
    "${font_args[@]}" -fill '#f2efe9' -pointsize 54 -annotate +56+120 'Break Things' \
    -annotate +56+186 'on Purpose' \
    -fill '#7fb7be' -pointsize 26 -annotate +56+540 'Hark demo · a synthesized excerpt' \
    -strip -define png:exclude-chunks=date,time -colors 16 PNG8:"$out/artwork.png"

ls -l "$out"
