"""debatekit: teaching and debate kits from one outline of an article's argument."""

__version__ = "0.1.0"
