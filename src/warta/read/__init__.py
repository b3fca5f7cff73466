"""Reading inputs: sources, encodings, page extraction, metadata and cleaning."""
