import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

# the suite never writes into the user's cache folder: its own, gone with the run
os.environ["COPYCHECK_CACHE_DIR"] = _CACHE = tempfile.mkdtemp(prefix="copycheck-test-cache-")
atexit.register(shutil.rmtree, _CACHE, True)

sys.path.insert(0, str(Path(__file__).parent))
