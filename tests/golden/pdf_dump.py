#!/usr/bin/env python3
"""A PDF as a reviewer reads it, for the golden tests: each page's text (pdftotext
-layout), the outline (bookmarks, nested, with the page each opens) and every link
(page, where on it, and where it goes: a web address or a page and height).
Usage: pdf_dump.py FILE.pdf > FILE.pdf.txt"""
import json
import subprocess
import sys


def main(path):
    doc = json.loads(subprocess.run(["qpdf", "--json", path], capture_output=True, check=True).stdout)
    objects = doc["qpdf"][1]
    page_of = {p["object"]: p["pageposfrom1"] for p in doc["pages"]}
    out = []
    for p in doc["pages"]:
        n = p["pageposfrom1"]
        text = subprocess.run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), path, "-"],
                              capture_output=True, check=True, text=True).stdout
        out.append(f"=== page {n}")
        out.extend(line.rstrip() for line in text.rstrip("\f\n").split("\n"))

    def where(dest):
        if isinstance(dest, str):   # an indirect destination array
            dest = objects["obj:" + dest]["value"]
        page = page_of.get(dest[0], "?")
        height = f" at {round(dest[2])}" if len(dest) > 2 and isinstance(dest[2], (int, float)) else ""
        return f"page {page}{height}"

    out.append("=== outline")

    def outline(items, depth):
        for item in items:
            out.append("  " * depth + f"{item['title']} -> {where(item['dest']) if item.get('dest') else 'nowhere'}")
            outline(item.get("kids", []), depth + 1)

    outline(doc["outlines"], 0)
    out.append("=== links")
    for p in doc["pages"]:
        for ref in objects["obj:" + p["object"]]["value"].get("/Annots", []):
            annot = objects["obj:" + ref]["value"] if isinstance(ref, str) else ref
            if annot.get("/Subtype") != "/Link":
                continue
            rect = " ".join(str(round(v)) for v in annot["/Rect"])
            action = annot.get("/A", {})
            if isinstance(action, str):
                action = objects["obj:" + action]["value"]
            if "/URI" in action:
                target = action["/URI"][2:] if action["/URI"].startswith("u:") else action["/URI"]
            elif "/Dest" in annot:
                target = where(annot["/Dest"])
            elif "/D" in action:
                target = where(action["/D"])
            else:
                target = "?"
            out.append(f"page {p['pageposfrom1']} [{rect}] -> {target}")
    print("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1])
