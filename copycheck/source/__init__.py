"""Where copy comes from: files found and read (binary, encodings, size), the page's language,
blocks of text with their positions in the source, and the worker processes that read many files."""
