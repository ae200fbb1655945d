"""Builds feedparser_sgmllib (feedparser 6's dependency: Python 2.7's sgmllib ported to Python 3) from a
local Python 2.7 sgmllib.py, for when the package index at hand does not carry it. It does what that
package does: 2to3 on the module, without the Python-3 deprecation warning.
Usage: port-sgmllib.py PATH/TO/python2.7/sgmllib.py OUTPUT.py"""
import re
import subprocess
import sys
import warnings

source, target = sys.argv[1], sys.argv[2]
text = open(source, encoding="latin-1").read()
text = re.sub(r"from warnings import warnpy3k\nwarnpy3k\([^)]*\)\ndel warnpy3k\n", "", text)
open(target, "w", encoding="utf-8").write(text)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    subprocess.run([sys.executable, "-W", "ignore", "-m", "lib2to3", "-w", "-n", target], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
