#!/bin/sh
# Regenerates the Word and OpenDocument fixtures here from their sources (tests/data/README.md):
#   draft.fodt  -> draft.docx, draft.odt            (LibreOffice: soffice --headless --convert-to)
#   locked.fodt -> encrypted.odt                     (LibreOffice over UNO, saved with a password: encrypt.py)
#               -> encrypted.docx                    (LibreOffice's .docx, encrypted with msoffcrypto-tool as Word does)
# Needs: Debian's libreoffice-writer-nogui (or libreoffice-writer) and python3-uno; msoffcrypto-tool (pip).
# CI does not run this: the files it writes are committed.
set -eu
cd "$(dirname "$0")"
export HOME="${TMPDIR:-/tmp}/copycheck-office-home"  # a fresh LibreOffice profile, not the user's
soffice --headless --convert-to docx draft.fodt
soffice --headless --convert-to odt draft.fodt
/usr/bin/python3 encrypt.py .
scratch=$(mktemp -d)
soffice --headless --convert-to docx --outdir "$scratch" locked.fodt
"${MSOFFCRYPTO:-msoffcrypto-tool}" -e -p copycheck "$scratch/locked.docx" encrypted.docx
rm -rf "$scratch"
soffice --version
