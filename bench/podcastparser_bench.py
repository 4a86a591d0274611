#!/usr/bin/python3
"""Throughput of gPodder's podcastparser on a folder of feeds, measured the way
dev.hark.feed.FeedBenchmark measures Hark's parser, so the two figures can be compared.

Usage:
    /usr/bin/python3 bench/podcastparser_bench.py [FOLDER] [--warmup SECONDS] [--measure SECONDS]

FOLDER defaults to ../shared/fixtures/feeds next to this repository. Every *.xml is loaded into
memory; feeds podcastparser cannot parse are left out of the figures (broken-* ones are expected
to fail and counted apart). Then every feed is parsed for a warm-up period, and round after round
for the measured period. MB are 10^6 bytes. Needs the Debian package python3-podcastparser
(`apt-get install -y python3-podcastparser`), which a pyenv "python3" does not see.
"""
import argparse
import io
import logging
import os
import sys
import time

import podcastparser

URL = 'https://example.com/feed.xml'


def load(folder):
    feeds = []
    for name in sorted(os.listdir(folder)):
        if name.endswith('.xml'):
            with open(os.path.join(folder, name), 'rb') as f:
                feeds.append((name[:-4], f.read()))
    return feeds


def parses(body):
    try:
        podcastparser.parse(URL, io.BytesIO(body))
        return True
    except Exception:  # FeedParseError, SAXException, ValueError from odd input
        return False


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('folder', nargs='?', default=os.path.join(here, '..', '..', 'shared', 'fixtures', 'feeds'))
    parser.add_argument('--warmup', type=float, default=3.0)
    parser.add_argument('--measure', type=float, default=5.0)
    args = parser.parse_args(argv[1:])
    logging.getLogger('podcastparser').setLevel(logging.CRITICAL + 1)

    measured, expected_failures, other_failures = [], 0, []
    for name, body in load(args.folder):
        if parses(body):
            measured.append((name, body))
        elif name.startswith('broken-'):
            expected_failures += 1
        else:
            other_failures.append(name)
    total_bytes = sum(len(body) for _, body in measured)

    warmup_end = time.perf_counter() + args.warmup
    while time.perf_counter() < warmup_end and measured:
        for _, body in measured:
            podcastparser.parse(URL, io.BytesIO(body))

    seconds = [0.0] * len(measured)
    rounds = 0
    end = time.perf_counter() + args.measure
    while True:
        for i, (_, body) in enumerate(measured):
            before = time.perf_counter()
            podcastparser.parse(URL, io.BytesIO(body))
            seconds[i] += time.perf_counter() - before
        rounds += 1
        if time.perf_counter() >= end or not measured:
            break

    total = sum(seconds)
    slowest = max(range(len(measured)), key=lambda i: seconds[i]) if measured else None
    print('podcastparser %s on %s' % (getattr(podcastparser, '__version__', '?'), os.path.abspath(args.folder)))
    print('feeds measured: %d (%s bytes), parse only' % (len(measured), format(total_bytes, ',')))
    print('throughput: %.1f MB/s, %.1f feeds/s (%d rounds in %.1f s)'
          % (total_bytes * rounds / 1e6 / total, len(measured) * rounds / total, rounds, total))
    if slowest is not None:
        name, body = measured[slowest]
        print('slowest feed: %s (%s bytes), %.2f ms per parse'
              % (name, format(len(body), ','), seconds[slowest] * 1000 / rounds))
    print('expected failures (broken-*): %d' % expected_failures)
    if other_failures:
        print('other failures (not measured): %s' % ', '.join(other_failures))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
