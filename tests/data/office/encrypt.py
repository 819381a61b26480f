"""Save locked.fodt as a password-protected .odt with LibreOffice (UNO), as Writer does
when a writer sets a password (File > Save As > Save with password): run by make.sh
with the system Python that has LibreOffice's `uno` module (Debian: python3-uno).
(LibreOffice 7.4 saves a .docx with a password as a plain zip, so make.sh encrypts
the .docx with msoffcrypto-tool, as Word does: an OLE file holding EncryptedPackage.)"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue

HERE = os.path.dirname(os.path.abspath(__file__))
PIPE = f"copycheck_make_{os.getpid()}"


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main(out):
    scratch = tempfile.mkdtemp()
    profile = uno.systemPathToFileUrl(scratch)
    office = subprocess.Popen(["soffice", "--headless", "--norestore", f"-env:UserInstallation={profile}",
                               f"--accept=pipe,name={PIPE};urp;"])
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(120):
            try:
                ctx = resolver.resolve(f"uno:pipe,name={PIPE};urp;StarOffice.ComponentContext")
                break
            except Exception:  # not listening yet
                time.sleep(0.5)
        else:
            sys.exit("LibreOffice did not start")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(os.path.join(HERE, "locked.fodt")), "_blank", 0,
                                           (prop("Hidden", True),))
        doc.storeToURL(uno.systemPathToFileUrl(os.path.join(out, "encrypted.odt")),
                       (prop("FilterName", "writer8"), prop("Password", "copycheck")))
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:  # the bridge closes as it quits
            pass
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main(os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else HERE))
