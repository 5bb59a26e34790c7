"""The MCP server: roadmaplint's records, plan and write gate as tools for coding agents."""
