"""``python -m roadmaplint``."""

from roadmaplint.cli import main

raise SystemExit(main())
