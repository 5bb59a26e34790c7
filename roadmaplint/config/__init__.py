"""Where the settings come from: the configuration files, discovery of roadmaps, the cache."""
