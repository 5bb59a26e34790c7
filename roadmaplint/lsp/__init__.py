"""The language server (`roadmaplint server`): pygls wiring in server.py, answers in features.py.

Imported only by `roadmaplint server`; pygls and lsprotocol come with the lsp extra.
"""
