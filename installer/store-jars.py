#!/usr/bin/env python3
"""Rewrites jars with every entry STORED (not deflated), keeping entry order, names, times and contents.

    python3 installer/store-jars.py JAR...

Why: a jar's deflate compression hides the class files from the installer's much stronger compressor
(xz in .deb/.rpm, LZX in .msi, the .dmg's own), so a package of stored jars is far smaller (fastutil:
19.9 MB of xz as shipped, 4.2 MB stored), and classes load without inflating. It costs disk space once
installed. Signatures (META-INF/*.SF) stay valid: they cover the entries' contents, not their compression.
"""
import os
import sys
import zipfile


def store(path):
    temp = path + ".stored"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(temp, "w", zipfile.ZIP_STORED) as dst:
        for info in src.infolist():
            copy = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            copy.external_attr = info.external_attr
            copy.comment = info.comment
            copy.extra = info.extra
            copy.compress_type = zipfile.ZIP_STORED
            dst.writestr(copy, src.read(info))
        dst.comment = src.comment
    st = os.stat(path)
    os.replace(temp, path)
    os.utime(path, (st.st_atime, st.st_mtime))


if __name__ == "__main__":
    for jar in sys.argv[1:]:
        store(jar)
