"""The roadmap as a database: queries, planning with the graph, export and import."""
