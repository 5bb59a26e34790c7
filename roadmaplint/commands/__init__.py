"""One module per command: plain functions with explicit arguments that return an exit code."""
