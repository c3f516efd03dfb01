#!/usr/bin/env python3
"""Makes a constitution-sized benchmark source from protocol sources.

Default: ONE protocol of about --size bytes (1.5 MB) made of the given sources
(protocol-source/*.md by default) repeated one after another. Each copy's sections are
renumbered to follow the previous copy's (so "## 3." becomes "## 21." and clause 3.4 with
every "3.4" in the text becomes 21.4), and every {#id} gets a suffix, so the result passes
`protopub check` like a real constitution. Writes OUT.md (for protopub) and OUT.body.md,
the same Markdown without front matter (for pandoc and the other tools).

--files: instead, one file per copy in folder OUT (a constitution kept as many sections).
"""
import argparse
import glob
import os
import re
import sys

NUMBER = re.compile(r"(?<![\d.])(\d+)((?:\.\d+)+)(?![\d])")
SECTION_HEADING = re.compile(r"^(##\s+)(\d+)(\.?\s)", re.M)
ID = re.compile(r"\{#([A-Za-z][\w-]*)")


def split_front_matter(text):
    if text.startswith("---\n"):
        end = text.index("\n---\n", 3)
        return text[: end + 5], text[end + 5 :]
    return "", text


def section_count(body):
    numbers = [int(m.group(2)) for m in SECTION_HEADING.finditer(body)]
    numbers += [int(m.group(1)) for m in NUMBER.finditer(body)]
    return max(numbers) if numbers else 0


def shifted(body, offset, copy, top):
    def number(m):
        first = int(m.group(1))
        return f"{first + offset}{m.group(2)}" if 1 <= first <= top else m.group(0)

    body = NUMBER.sub(number, body)
    body = SECTION_HEADING.sub(lambda m: f"{m.group(1)}{int(m.group(2)) + offset}{m.group(3)}", body)
    return ID.sub(lambda m: "{#" + f"{m.group(1)}-c{copy}", body)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--size", type=int, default=1_500_000)
    ap.add_argument("--files", action="store_true")
    ap.add_argument("sources", nargs="*")
    args = ap.parse_args()
    here = os.path.dirname(os.path.abspath(__file__))
    sources = args.sources or sorted(glob.glob(os.path.join(here, "..", "protocol-source", "*.md")))
    sources = [s for s in sources if os.path.basename(s) != "README.md"]
    if not sources:
        sources = [os.path.join(here, "..", "tests", "data", "sample.md")]
    parts = []
    for path in sources:
        with open(path, encoding="utf-8") as f:
            parts.append(split_front_matter(f.read()))
    # Sources with a preamble or single-level numbering do not renumber cleanly.
    parts = [p for p in parts if ".preamble" not in p[1] and section_count(p[1]) > 0] or parts

    bodies, total, copy, offset = [], 0, 0, 0
    while total < args.size:
        front, body = parts[copy % len(parts)]
        top = section_count(body)
        if args.files:
            # "council: X" or "council: \"X\"": the copy's number goes inside the quotes.
            text = re.sub(r'^council: ("?)(.*?)\1\s*$', lambda m: f"council: {m.group(1)}{m.group(2)} {copy:03d}{m.group(1)}",
                          front + body, count=1, flags=re.M)
            bodies.append(text)
        else:
            bodies.append(shifted(body, offset, copy, top))
            offset += top
        total += len(bodies[-1].encode("utf-8"))
        copy += 1

    if args.files:
        os.makedirs(args.out, exist_ok=True)
        for old in glob.glob(os.path.join(args.out, "*.md")):
            os.remove(old)
        for i, text in enumerate(bodies):
            with open(os.path.join(args.out, f"protocol-{i:03d}.md"), "w", encoding="utf-8") as f:
                f.write(text)
        with open(args.out.rstrip("/") + ".body.md", "w", encoding="utf-8") as f:
            f.write("\n\n".join(split_front_matter(t)[1] for t in bodies))
    else:
        front = ("---\ntitle: Benchmark Constitution\ncouncil: Benchmark Borough Council\nversion: \"1\"\n"
                 "status: adopted\nadopted: 2024-01-01\n---\n")
        body = "\n".join(bodies)
        with open(args.out + ".md", "w", encoding="utf-8") as f:
            f.write(front + body)
        with open(args.out + ".body.md", "w", encoding="utf-8") as f:
            f.write(body)
    print(f"{copy} copies, {total} bytes -> {args.out}{'' if args.files else '.md'}", file=sys.stderr)


if __name__ == "__main__":
    main()
