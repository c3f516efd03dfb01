#!/usr/bin/env python3
"""The baseline for bench/compare.sh: what an analyst would do without protopub, comparing
every clause of every protocol with every clause of every other one with Python's
difflib (word sequences, SequenceMatcher.ratio), keeping for each clause its best match
in each other document.

usage: difflib_allpairs.py FILE.md...      prints: documents clauses pairs seconds
"""
import difflib
import re
import sys
import time

CLAUSE = re.compile(r'^(?:### )?\d+(?:\.\d+)+\.?\s+(?:\{#[^}]*\}\s*)?(.*)$')


def clauses(path):
    out = []
    for line in open(path, encoding='utf-8'):
        m = CLAUSE.match(line.rstrip('\n'))
        if m:
            out.append(m.group(1).lower().split())
    return out


def main():
    docs = [clauses(p) for p in sys.argv[1:]]
    start = time.perf_counter()
    pairs = 0
    for a, doc_a in enumerate(docs):
        for b, doc_b in enumerate(docs):
            if b <= a:
                continue
            for words_a in doc_a:
                matcher = difflib.SequenceMatcher(None, autojunk=False)
                matcher.set_seq2(words_a)
                best = 0.0
                for words_b in doc_b:
                    matcher.set_seq1(words_b)
                    best = max(best, matcher.ratio())
                    pairs += 1
    seconds = time.perf_counter() - start
    print(len(docs), sum(len(d) for d in docs), pairs, f'{seconds:.2f}')


if __name__ == '__main__':
    main()
