#!/usr/bin/python3
# Opens a .docx in LibreOffice (headless, through UNO), accepts every tracked change as a
# user's Edit > Track Changes > Accept All does, and saves the text as UTF-8.
#   /usr/bin/python3 accept_all.py IN.docx OUT.txt [PROFILE_DIR]
# Needs python3-uno (scripts/setup.sh --test-tools). Exit 0 when OUT.txt was written.
import os
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main():
    source, target = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    profile = sys.argv[3] if len(sys.argv) > 3 else tempfile.mkdtemp(prefix="lo-profile-")
    pipe = "protopub_accept_%d" % os.getpid()
    office = subprocess.Popen(["soffice", "-env:UserInstallation=file://" + profile, "--headless", "--invisible",
                               "--norestore", "--nologo", "--accept=pipe,name=%s;urp;" % pipe],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(240):
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.25)
        if ctx is None:
            print("LibreOffice did not start", file=sys.stderr)
            return 2
        smgr = ctx.ServiceManager
        desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0, (prop("Hidden", True),))
        dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
        dispatcher.executeDispatch(doc.getCurrentController().getFrame(), ".uno:AcceptAllTrackedChanges", "", 0, ())
        remaining = doc.getPropertyValue("Redlines").getCount() if doc.getPropertySetInfo().hasPropertyByName("Redlines") else 0
        doc.storeToURL(uno.systemPathToFileUrl(target), (prop("FilterName", "Text (encoded)"), prop("FilterOptions", "UTF8")))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass
        if remaining:
            print("%d tracked changes left after Accept All" % remaining, file=sys.stderr)
            return 1
        return 0
    finally:
        try:
            office.wait(timeout=60)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    sys.exit(main())
