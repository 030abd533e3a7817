"""Actors: who is who in Bengali news (dictionary, matching, NER). See docs/actors.md."""
