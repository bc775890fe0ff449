"""Where: the gazetteer and the ``parley_places`` component, which finds the place an event's
clause names. It decides nothing about the parties (coding/parties.py does)."""
