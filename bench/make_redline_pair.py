#!/usr/bin/env python3
"""Makes two versions of a constitution-sized protocol for the redline benchmark.

OLD is bench/make_corpus.py's 1.5 MB source. NEW is OLD with about 10% of its clauses
edited the way a council revises a protocol: words changed in some clauses, clauses
inserted and deleted (so the clauses after them are renumbered, and every reference to a
renumbered clause follows), and clauses moved to another section with a word changed.
The edits are drawn from a fixed seed, so every run compares the same pair.

Writes OUT/old.md, OUT/new.md and OUT/old.txt, OUT/new.txt (the same Markdown without
front matter, for git diff and difflib), and prints what it changed.

--shuffled N: instead, two versions of N clauses with no ids at all (every id is derived
from the words, as for a council that never wrote any), whose clause texts were shuffled
across the whole document (each position keeps its number, so nearly every clause is a
move), about 10% of them (--share) reworded and 1% each deleted and inserted. Each clause has a few
words swapped for others so no two clauses read the same (the corpus repeats its sources).
Writes OUT/shuffled-N-old.md and OUT/shuffled-N-new.md.
"""
import argparse
import os
import random
import re
import subprocess
import sys

# A clause, or a numbered sub-heading ("### 3.2 Chairs") that is the parent of 3.2.1...
CLAUSE = re.compile(r"^(### )?(\d+(?:\.\d+)+)\.? (\{#[A-Za-z][\w-]*\} )?")
NUMBER = re.compile(r"(?<![\d.])(\d+(?:\.\d+)+)(?![\d])")
WORD = re.compile(r"\b[a-z]{5,}\b")
REPLACEMENTS = ["promptly", "reasonable", "appropriate", "relevant", "written", "formal", "proper", "timely"]


class Clause:
    def __init__(self, blocks, fresh=False):
        self.blocks = blocks
        self.fresh = fresh  # inserted: its number is a placeholder, not an old number

    @property
    def number(self):
        return CLAUSE.match(self.blocks[0]).group(2)

    @property
    def heading(self):
        return self.blocks[0].startswith("### ")

    def set_number(self, number):
        m = CLAUSE.match(self.blocks[0])
        self.blocks[0] = self.blocks[0][: m.start(2)] + number + self.blocks[0][m.end(2):]

    def depth(self):
        return self.number.count(".") + 1


def parse(body):
    """Sections as [heading, blocks before the first clause, clauses]."""
    sections = []
    for block in re.split(r"\n[ \t]*\n+", body.strip("\n")):
        if block.startswith("## "):
            sections.append([block, [], []])
        elif sections and CLAUSE.match(block):
            sections[-1][2].append(Clause([block]))
        elif sections and sections[-1][2]:
            sections[-1][2][-1].blocks.append(block)
        elif sections:
            sections[-1][1].append(block)
    return sections


def renumber(sections):
    """Numbers clauses in order within each section; returns {old number: new number}."""
    mapping = {}
    for _, _, clauses in sections:
        counters = []
        for clause in clauses:
            old = clause.number
            parts = [int(p) for p in old.split(".")]
            counters = (counters or [parts[0]]) + [0] * len(parts)
            counters = counters[: len(parts)]
            counters[-1] += 1
            new = ".".join(map(str, counters))
            if old != new and not clause.fresh:
                mapping.setdefault(old, new)
            clause.set_number(new)
    return mapping


def reword(clause, rng):
    text = clause.blocks[0]
    words = list(WORD.finditer(text))
    if not words:
        return 0
    w = rng.choice(words)
    replacement = rng.choice([r for r in REPLACEMENTS if r != w.group(0)])
    clause.blocks[0] = text[: w.start()] + replacement + text[w.end():]
    return 1


ID = re.compile(r" ?\{#[A-Za-z][\w-]*\}")
PLAIN_WORD = re.compile(r"(?<= )[a-z]{5,}(?= )")   # not part of a link, an address or a name
VOCABULARY = ["advice", "agenda", "appeal", "budget", "cabinet", "clerk", "committee", "conduct", "consent",
              "decision", "deputy", "duty", "election", "evidence", "finance", "forum", "grant", "hearing",
              "interest", "licence", "member", "minute", "motion", "notice", "officer", "panel", "petition",
              "policy", "quorum", "record", "report", "review", "scrutiny", "standard", "statement", "tender",
              "trust", "vote", "ward", "witness"]


def shuffled_pair(out, count, corpus, reworded):
    """Two id-less versions of `count` clauses: texts shuffled over the positions, some
    reworded, deleted and inserted (see --shuffled)."""
    rng = random.Random(2025)
    with open(corpus, encoding="utf-8") as f:
        text = f.read()
    end = text.index("\n---\n", 3) + 5
    front, body = text[:end], text[end:]
    sections, kept = parse(body), 0
    for k, section in enumerate(sections):   # the first sections holding `count` clauses
        if kept >= count:
            del sections[k:]
            break
        for n, c in enumerate(section[2]):
            kept += not c.heading
            if kept == count:
                del section[2][n + 1:]
                break
    # Sub-headings ("### 3.2 Chairs") stay where they are; the other clauses' texts move.
    clauses = [c for _, _, cs in sections for c in cs if not c.heading]
    for section in sections:
        section[0] = ID.sub("", section[0])
        for c in section[2]:
            c.blocks = [ID.sub("", b) for b in c.blocks]

    def swap_word(block, choices):
        """One plain word after the clause number replaced by another of `choices`."""
        words = list(PLAIN_WORD.finditer(block, CLAUSE.match(block).end() if CLAUSE.match(block) else 0))
        if not words:
            return block, 0
        w = rng.choice(words)
        return block[: w.start()] + rng.choice([v for v in choices if v != w.group(0)]) + block[w.end():], 1

    for c in clauses:
        for _ in range(3):
            c.blocks[0] = swap_word(c.blocks[0], VOCABULARY)[0]

    def text_of(clause):   # a clause's words without its number
        return [clause.blocks[0][CLAUSE.match(clause.blocks[0]).end():]] + clause.blocks[1:]

    def write(name, numbers, texts):
        blocks, k = [], 0
        for heading, lead, cs in sections:
            blocks.append(heading)
            blocks.extend(lead)
            for c in cs:
                if c is not None and c.heading:
                    blocks.extend(c.blocks)
                    continue
                first, *rest = texts[k]
                blocks.extend([f"{numbers[k]} {first}", *rest])
                k += 1
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write(front + "\n\n".join(blocks) + "\n")

    numbers = [c.number for c in clauses]
    old_texts = [text_of(c) for c in clauses]
    write(f"shuffled-{count}-old.md", numbers, old_texts)
    new_texts, counts = [], {"reworded": 0, "deleted": 0, "inserted": 0}
    for k in rng.sample(range(len(old_texts)), len(old_texts)):
        roll = rng.random()
        texts = list(old_texts[k])
        if roll < 0.01:
            counts["deleted"] += 1
            continue
        if roll < 0.01 + reworded:
            texts[0], n = swap_word(" " + texts[0], REPLACEMENTS)
            texts[0] = texts[0][1:]
            counts["reworded"] += n
        new_texts.append(texts)
        if roll > 0.99:
            counts["inserted"] += 1
            new_texts.append([f"Councillors and officers shall also note the {rng.choice(VOCABULARY)} of "
                              f"{rng.choice(VOCABULARY)} {rng.choice(VOCABULARY)} {len(new_texts)}."])
    # The positions keep their numbers; the clauses the insertions add over the deletions
    # follow the last one (a.b -> a.b+1, ...), and positions left empty come off the end.
    short = len(new_texts) - len(numbers)
    if short > 0:
        top = numbers[-1].split(".")[0]
        last = int(numbers[-1].split(".")[1])
        numbers = numbers + [f"{top}.{last + k + 1}" for k in range(short)]
        sections[-1][2].extend([None] * short)
    for _ in range(-short):   # the last clauses that are not sub-headings
        last = next(cs for _, _, cs in reversed(sections) if any(not c.heading for c in cs))
        del last[max(k for k, c in enumerate(last) if not c.heading)]
    write(f"shuffled-{count}-new.md", numbers[: len(new_texts)], new_texts)
    print(f"{len(old_texts)} clauses without ids, shuffled; {counts['reworded']} reworded, {counts['deleted']} "
          f"deleted, {counts['inserted']} inserted -> {out}/shuffled-{count}-old.md, shuffled-{count}-new.md",
          file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--share", type=float, default=0.10, help="share of clauses edited (default 0.10)")
    ap.add_argument("--shuffled", type=int, default=0, metavar="N", help="a shuffled pair of N clauses without ids")
    args = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    os.makedirs(args.out, exist_ok=True)
    base = os.path.join(args.out, "corpus")
    if args.shuffled:
        # the corpus holds about 2,850 clauses a megabyte; 2,500 leaves a margin
        size = int(args.shuffled / 2500 * 1_000_000) + 100_000
        subprocess.run([sys.executable, os.path.join(here, "make_corpus.py"), base, "--size", str(size)], check=True)
        shuffled_pair(args.out, args.shuffled, base + ".md", args.share)
        return
    subprocess.run([sys.executable, os.path.join(here, "make_corpus.py"), base], check=True)
    with open(base + ".md", encoding="utf-8") as f:
        old_text = f.read()
    end = old_text.index("\n---\n", 3) + 5
    front, body = old_text[:end], old_text[end:]

    rng = random.Random(2024)
    sections = parse(body)
    everything = [(s, c) for s, section in enumerate(sections) for c in section[2] if not c.heading]
    # Only leaf clauses are moved or deleted (a clause with sub-clauses takes them along).
    def leaf(s, c):
        clauses = sections[s][2]
        k = clauses.index(c)
        return k + 1 == len(clauses) or clauses[k + 1].depth() <= c.depth()

    chosen = rng.sample(everything, int(len(everything) * args.share))
    counts = {"reworded": 0, "inserted": 0, "deleted": 0, "moved": 0}
    deleted, moved, inserted_after = set(), [], {}
    for k, (s, c) in enumerate(chosen):
        action = ("reword", "reword", "reword", "reword", "insert", "insert", "delete", "delete", "move", "move")[k % 10]
        if action in ("delete", "move") and not leaf(s, c):
            action = "reword"
        if action == "reword":
            counts["reworded"] += reword(c, rng)
        elif action == "insert":
            words = " ".join(c.blocks[0].split()[2:14])
            fresh = Clause([f"{c.number} {{#new-{k}}} Councillors and officers shall also note that {words}."], True)
            inserted_after[id(c)] = fresh
            counts["inserted"] += 1
        elif action == "delete":
            deleted.add(id(c))
            counts["deleted"] += 1
        elif c.depth() == 2:
            reword(c, rng)
            moved.append((s, c))
            counts["moved"] += 1
    for _, _, clauses in sections:
        kept = []
        for c in clauses:
            if id(c) not in deleted and all(c is not m for _, m in moved):
                kept.append(c)
            if id(c) in inserted_after:
                kept.append(inserted_after[id(c)])
        clauses[:] = kept
    for s, c in moved:
        target = sections[(s + len(sections) // 2) % len(sections)][2]
        if target:
            c.set_number(target[-1].number.split(".")[0] + ".99")
            target.append(c)
    mapping = renumber(sections)

    def renumber_references(block):
        head = CLAUSE.match(block)
        start = head.end() if head else 0
        return block[:start] + NUMBER.sub(lambda m: mapping.get(m.group(1), m.group(1)), block[start:])

    out_blocks = []
    for heading, lead, clauses in sections:
        out_blocks.append(heading)
        out_blocks.extend(lead)
        for clause in clauses:
            out_blocks.extend(renumber_references(b) for b in clause.blocks)
    new_body = "\n\n".join(out_blocks) + "\n"
    new_front = front.replace('version: "1"', 'version: "2"')
    files = {"old.md": front + body, "new.md": new_front + new_body, "old.txt": body, "new.txt": new_body}
    for name, text in files.items():
        with open(os.path.join(args.out, name), "w", encoding="utf-8") as f:
            f.write(text)
    print(f"{len(everything)} clauses; {counts['reworded']} reworded, {counts['inserted']} inserted, "
          f"{counts['deleted']} deleted, {counts['moved']} moved; {len(mapping)} renumbered -> "
          f"{args.out}/old.md ({len(files['old.md'].encode())} bytes), new.md ({len(files['new.md'].encode())} bytes)",
          file=sys.stderr)


if __name__ == "__main__":
    main()
