"""seedclean: messy text documents in, clean, validated, language-separated JSON records out."""

__version__ = "0.1.0"
