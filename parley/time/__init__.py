"""When: date phrases found in the text, resolved against the publication date, attached to events.

``parse`` reads dates as inputs spell them (publication dates in JSONL, CSV, feeds, WARC);
``phrases`` finds and resolves date expressions in text; ``attach`` reads from the parse which
of a sentence's phrases dates an event; ``component`` is the ``parley_time`` pipeline component
that gives each event its date, precision and the rule that found it.
"""
