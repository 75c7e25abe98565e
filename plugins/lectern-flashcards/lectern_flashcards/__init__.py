"""Flashcards: an example Lectern block plugin."""
