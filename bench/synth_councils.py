#!/usr/bin/env python3
"""Makes N synthetic councils' protocols from the seed sources, for the compare benchmark.

Each council gets CLAUSES clauses drawn from the clauses of every source (most of the
model protocol's, the rest from the other councils), in a shuffled order, some reworded
(words replaced by synonyms, dropped or swapped), written in the protopub source format.
Deterministic for a given --seed.

usage: synth_councils.py SOURCE_DIR OUT_DIR N [--clauses 150] [--model NAME] [--seed 1] [--sentences]
"""
import argparse
import os
import random
import re

CLAUSE = re.compile(r'^(?:### )?(\d+(?:\.\d+)+)\.?\s+(?:\{#[^}]*\}\s*)?(.*)$')
HEADING = re.compile(r'^#{2,3} ')
SYNONYMS = {
    'councillors': 'members', 'members': 'councillors', 'officers': 'employees', 'should': 'ought to',
    'must': 'shall', 'council': 'authority', 'relationship': 'relations', 'advice': 'guidance',
    'information': 'details', 'ensure': 'make sure', 'respect': 'regard', 'matters': 'issues',
    'provide': 'give', 'request': 'ask for', 'appropriate': 'suitable', 'however': 'but',
}


def clauses_of(path):
    """The words of every numbered clause in a source file (paragraphs and list items)."""
    out, current = [], None
    in_front = False
    for line in open(path, encoding='utf-8'):
        line = line.rstrip('\n')
        if line == '---':
            in_front = not in_front
            continue
        if in_front:
            continue
        m = CLAUSE.match(line)
        if m:
            current = [m.group(2)]
            out.append(current)
        elif HEADING.match(line):
            current = None
        elif current is not None and line.strip():
            current.append(re.sub(r'^\s*(?:[-*]|\d+\.)\s+', '', line).strip())
    texts = (re.sub(r'\s*\{#[^}]*\}', '', ' '.join(c)).strip() for c in out)  # ids would clash when repeated
    return [t for t in texts if t]


def sentences(clauses):
    """Each clause's sentences as clauses of their own (for sources of many short clauses)."""
    out = []
    for c in clauses:
        out += [s for s in re.split(r'(?<=[.;:])\s+(?=[A-Z(])', c) if len(s.split()) >= 5]
    return out


def reword(text, rng):
    words = text.split()
    out = []
    for w in words:
        r = rng.random()
        key = w.lower().strip('.,;:')
        if r < 0.15 and key in SYNONYMS:
            out.append(SYNONYMS[key])
        elif r < 0.20 and len(words) > 8:
            continue  # dropped word
        else:
            out.append(w)
    if len(out) > 6 and rng.random() < 0.5:
        k = rng.randrange(len(out) - 1)
        out[k], out[k + 1] = out[k + 1], out[k]
    return ' '.join(out)


def without_references(text):
    """Numbered references ("paragraph 5.2", "section 114") would point nowhere once the
    clauses are shuffled into a new council (and `check` rightly refuses those)."""
    return re.sub(r'\b([Pp]aragraph|[Ss]ection|[Cc]lause)s? \d+(?:\.\d+)*(?: (?:and|or|to) \d+(?:\.\d+)*)?',
                  'the relevant provision', text)


def escape_start(text):
    # a clause's text must not itself start like a clause number or a list marker
    return re.sub(r'^(\d+)\.', r'\1\\.', re.sub(r'^([-*+#>])', r'\\\1', text))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('source_dir')
    ap.add_argument('out_dir')
    ap.add_argument('n', type=int)
    ap.add_argument('--clauses', type=int, default=150)
    ap.add_argument('--model', default='', help='file name (in SOURCE_DIR) of the model protocol')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--sentences', action='store_true', help='every sentence of the sources is a clause')
    args = ap.parse_args()
    rng = random.Random(args.seed)
    files = sorted(f for f in os.listdir(args.source_dir) if f.endswith('.md') and f != 'README.md')
    model = args.model or next((f for f in files if 'model' in f.lower() or f.startswith('003')), files[0])
    model_clauses = clauses_of(os.path.join(args.source_dir, model))
    other_clauses = [c for f in files if f != model for c in clauses_of(os.path.join(args.source_dir, f))]
    if args.sentences:
        model_clauses, other_clauses = sentences(model_clauses), sentences(other_clauses)
    os.makedirs(args.out_dir, exist_ok=True)
    for k in range(1, args.n + 1):
        kept = [c for c in model_clauses if rng.random() < 0.8]          # some model clauses dropped
        added = rng.sample(other_clauses, min(len(other_clauses), max(0, args.clauses - len(kept))))
        chosen = kept + added
        while len(chosen) < args.clauses:                                 # small seed sets: repeat some
            chosen.append(rng.choice(model_clauses + other_clauses))
        chosen = chosen[:args.clauses]
        rng.shuffle(chosen)                                               # reordered
        lines = ['---', f'title: Protocol on Councillor and Officer Relations',
                 f'council: Synthetic Council {k:03d}', 'version: "1"', 'status: draft', '---', '']
        per_section = 10
        for s in range(0, len(chosen), per_section):
            number = s // per_section + 1
            lines += [f'## {number}. Part {number}', '']
            for c, text in enumerate(chosen[s:s + per_section], 1):
                if rng.random() < 0.5:
                    text = reword(text, rng)                             # reworded
                lines += [f'{number}.{c} {escape_start(without_references(text))}', '']
        with open(os.path.join(args.out_dir, f'council-{k:03d}.md'), 'w', encoding='utf-8') as out:
            out.write('\n'.join(lines))


if __name__ == '__main__':
    main()
