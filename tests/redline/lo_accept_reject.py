#!/usr/bin/env python3
"""LibreOffice itself accepts and rejects a redline's tracked changes.

Usage: lo_accept_reject.py DIR
For every DIR/NAME.accept.docx and DIR/NAME.reject.docx (the same redline, with the new
and the old title block) writes NAME.accepted.txt and NAME.rejected.txt: the document
after .uno:AcceptAllTrackedChanges / .uno:RejectAllTrackedChanges, stored as text. Every
other DIR/*.docx (the plain versions) is stored as text beside it, unchanged. One soffice
process does the whole directory. Exit 0 when all were written, 2 when LibreOffice or its
Python bridge (Debian's python3-uno) cannot be used.
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


def main():
    folder = os.path.abspath(sys.argv[1])
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("lo_accept_reject: soffice not found", file=sys.stderr)
        return 2
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    pipe = "protopub_redline_%d" % os.getpid()
    office = subprocess.Popen([soffice, "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
                               "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
                               "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        context = None
        for _ in range(240):
            try:
                context = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                if office.poll() is not None:
                    break
                time.sleep(0.25)
        if context is None:
            print("lo_accept_reject: LibreOffice did not start", file=sys.stderr)
            return 2
        smgr = context.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
        text_filter = (prop("FilterName", "Text (encoded)"), prop("FilterOptions", "UTF8,LF,,,"))
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".docx"):
                continue
            path = os.path.join(folder, name)
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0, (prop("Hidden", True),))
            stem = name[:-len(".docx")]
            if stem.endswith(".accept") or stem.endswith(".reject"):
                command = ".uno:AcceptAllTrackedChanges" if stem.endswith(".accept") else ".uno:RejectAllTrackedChanges"
                frame = doc.getCurrentController().getFrame()
                dispatcher.executeDispatch(frame, command, "", 0, ())
                out = stem[:-len(".accept")] + (".accepted.txt" if stem.endswith(".accept") else ".rejected.txt")
            else:
                out = stem + ".txt"
            doc.storeToURL(uno.systemPathToFileUrl(os.path.join(folder, out)), text_filter)
            doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
        return 0
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
