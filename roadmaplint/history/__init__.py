"""A roadmap's versions in git: revisions, timelines, the semantic diff, facts for rules."""
