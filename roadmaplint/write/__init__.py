"""The write gate: prove that an edit changed only what it targeted, then write atomically."""
