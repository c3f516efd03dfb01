#!/usr/bin/env python3
"""LibreOffice itself accepts and rejects a document's tracked changes.

Usage: lo_accept_reject.py DIR
For every DIR/NAME.accept.docx writes NAME.accepted.txt: the document after
.uno:AcceptAllTrackedChanges (Edit > Track Changes > Accept All), stored as UTF-8 text; for
every DIR/NAME.reject.docx, NAME.rejected.txt after .uno:RejectAllTrackedChanges. Every other
DIR/*.docx (a plain version) is stored as NAME.txt, unchanged. Beside each text, the same
name ending .styles lists the paragraph style of every paragraph of the body, one a line
("(table)" for a table), so a change of style that Reject All does not undo shows too; and
.marks holds each paragraph's text with its words' setting marked (*italic*, **bold**,
~~struck~~, [linked]), so a change of emphasis that Accept or Reject All misses shows. Every document is
saved as .odt and opened again before it is stored, and fields are updated on the laid-out document, so the
contents' page numbers are those the pages show.
One soffice process does the whole directory.
Exit 0 when all were written; 1 when a tracked change was left after Accept or Reject All;
2 when LibreOffice or its Python bridge (Debian's python3-uno) cannot be used.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

try:
    import uno
    from com.sun.star.beans import PropertyValue
except ImportError:
    # python3-uno installs for Debian's own interpreter; another python3 may come first on PATH
    if os.path.exists("/usr/bin/python3") and os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    print("lo_accept_reject: python3-uno is not installed", file=sys.stderr)
    sys.exit(2)


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def start_office(profile, pipe):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        return None
    return subprocess.Popen([soffice, "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
                             "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
                             "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def connect(office, pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(240):
        try:
            return resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except Exception:
            if office.poll() is not None:
                return None
            time.sleep(0.25)
    return None


def tracked_changes(doc):
    info = doc.getPropertySetInfo()
    return doc.getPropertyValue("Redlines").getCount() if info.hasPropertyByName("Redlines") else 0


def load(desktop, path):
    return desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0, (prop("Hidden", True),))


def paragraph_styles(doc):
    lines = []
    paragraphs = doc.getText().createEnumeration()
    while paragraphs.hasMoreElements():
        p = paragraphs.nextElement()
        lines.append(p.getPropertyValue("ParaStyleName") if p.supportsService("com.sun.star.text.Paragraph") else "(table)")
    return "\n".join(lines) + "\n"


def marked_text(doc):
    """Each paragraph's text with its words' setting marked: *italic*, **bold**, ~~struck~~, [linked]."""
    from com.sun.star.awt.FontSlant import ITALIC
    lines = []
    paragraphs = doc.getText().createEnumeration()
    while paragraphs.hasMoreElements():
        p = paragraphs.nextElement()
        if not p.supportsService("com.sun.star.text.Paragraph"):
            lines.append("(table)")
            continue
        line = ""
        portions = p.createEnumeration()
        while portions.hasMoreElements():
            r = portions.nextElement()
            text = r.getString()
            if not text.strip():
                line += text
                continue
            if r.getPropertyValue("CharPosture") == ITALIC:
                text = "*" + text + "*"
            if r.getPropertyValue("CharWeight") > 100:
                text = "**" + text + "**"
            if r.getPropertyValue("CharStrikeout") != 0:
                text = "~~" + text + "~~"
            if r.getPropertyValue("HyperLinkURL"):
                text = "[" + text + "]"
            line += text
        lines.append(line)
    return "\n".join(lines) + "\n"


def convert(desktop, dispatcher, folder, name):
    """Stores one .docx of the folder as text; returns the tracked changes left after Accept / Reject All."""
    doc = load(desktop, os.path.join(folder, name))
    stem = name[:-len(".docx")]
    left = 0
    out = stem + ".txt"
    for ending, command, written in ((".accept", ".uno:AcceptAllTrackedChanges", ".accepted.txt"),
                                     (".reject", ".uno:RejectAllTrackedChanges", ".rejected.txt")):
        if stem.endswith(ending):
            dispatcher.executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, ())
            left = tracked_changes(doc)
            out = stem[:-len(ending)] + written
    # Saved and opened again, as a user would: LibreOffice does not lay the pages out
    # afresh after Accept / Reject All, so page numbers would be stale. Every document
    # goes this way, the plain versions too: a Word body that ends with a table gets an
    # empty paragraph after it, which LibreOffice leaves out of a .docx it has opened but
    # writes into the .odt, so only documents that went the same way compare.
    saved = os.path.join(folder, stem + ".saved.odt")
    doc.storeToURL(uno.systemPathToFileUrl(saved), (prop("FilterName", "writer8"),))
    doc.close(True)
    doc = load(desktop, saved)
    os.remove(saved)
    # The pages laid out and the fields (the contents' page references) updated on them.
    doc.getCurrentController().getPropertyValue("PageCount")
    doc.getTextFields().refresh()
    doc.storeToURL(uno.systemPathToFileUrl(os.path.join(folder, out)),
                   (prop("FilterName", "Text (encoded)"), prop("FilterOptions", "UTF8,LF,,,")))
    with open(os.path.join(folder, out[:-len(".txt")] + ".styles"), "w", encoding="utf-8") as f:
        f.write(paragraph_styles(doc))
    with open(os.path.join(folder, out[:-len(".txt")] + ".marks"), "w", encoding="utf-8") as f:
        f.write(marked_text(doc))
    doc.close(True)
    if left:
        print("lo_accept_reject: %s: %d tracked changes left" % (name, left), file=sys.stderr)
    return left


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    folder = os.path.abspath(sys.argv[1])
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    pipe = "protopub_lo_%d" % os.getpid()
    office = start_office(profile, pipe)
    if office is None:
        print("lo_accept_reject: soffice not found", file=sys.stderr)
        return 2
    try:
        context = connect(office, pipe)
        if context is None:
            print("lo_accept_reject: LibreOffice did not start", file=sys.stderr)
            return 2
        smgr = context.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
        left = 0
        for name in sorted(os.listdir(folder)):
            if name.endswith(".docx"):
                left += convert(desktop, dispatcher, folder, name)
        try:
            desktop.terminate()
        except Exception:
            pass
        return 1 if left else 0
    finally:
        try:
            office.wait(timeout=60)
        except subprocess.TimeoutExpired:
            office.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
