"""The board page's data and its graph drawing."""
