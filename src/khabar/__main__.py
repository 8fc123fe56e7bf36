"""``python -m khabar …`` runs the CLI (the model build runs its steps this way, with the same interpreter)."""

from khabar.cli import main

main()
