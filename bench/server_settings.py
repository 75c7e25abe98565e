"""Settings for the site under gunicorn in bench/throughput.py and bench/load.py.

The benchmark settings, with static files indexed once at start-up as production's
collected files are (the demo re-scans them on every request), so that the static
file baseline is the one production would get.
"""

from bench.settings import *  # noqa: F403

WHITENOISE_AUTOREFRESH = False
