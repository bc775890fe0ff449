"""What happened and between whom: triggers (the lexicon), the trained classifier, roles read off
the parse (who to whom), the lending of parties' countries (``parties``, the one owner of those
rules), factuality, attribution, and merging the mentions of one event."""
