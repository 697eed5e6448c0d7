"""Surfaces turn the text of one kind of file into the facts rules look at, with exact spans."""
