"""``python -m roadmaplint``."""

from roadmaplint.entry import main

raise SystemExit(main())
