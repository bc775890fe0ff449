"""``python -m parley``: the same as the ``parley`` command."""
from .cli import main

main()
