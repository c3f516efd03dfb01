#!/usr/bin/env python3
"""Writes a reference-dense protocol source of about --size bytes to OUT: sections of 40
clauses, every clause of plain words citing three other clauses and a range of clauses
(as the worst real constitutions do), all of them existing, so `protopub check` passes.
Deterministic (a fixed seed), for bench/memory.sh."""
import argparse
import random

WORDS = ("councillor officer council committee member report decision meeting protocol "
         "relationship respect advice monitoring standards conduct interest political group "
         "leader executive cabinet information confidential public service staff").split()


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("out")
    ap.add_argument("--size", type=int, default=1 << 20)
    args = ap.parse_args()
    rng = random.Random(18)
    per_section = 40
    parts = ["---\ntitle: Reference-Dense Benchmark Protocol\ncouncil: Benchmark Borough Council\n"
             "version: \"1\"\nstatus: adopted\nadopted: 2024-01-01\n---\n"]
    total = len(parts[0])
    section = 0
    # the number of sections is known only at the end; cite within what is written so far
    # and the current section, so every reference resolves
    while total < args.size:
        section += 1
        text = f"\n## Section {section} {{#s{section}}}\n\n"
        for clause in range(1, per_section + 1):
            words = " ".join(rng.choice(WORDS) for _ in range(30))
            cites = [f"{rng.randint(1, section)}.{rng.randint(1, per_section)}" for _ in range(3)]
            s = rng.randint(1, section)
            first = rng.randint(1, per_section - 4)
            text += (f"{section}.{clause} The {words}. See paragraphs {cites[0]}, {cites[1]} and {cites[2]}, "
                     f"and paragraphs {s}.{first} to {s}.{first + 3}.\n\n")
        parts.append(text)
        total += len(text.encode("utf-8"))
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("".join(parts))


if __name__ == "__main__":
    main()
