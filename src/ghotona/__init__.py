"""ghotona (ঘটনা): Bengali news pages to a clean, sourced record of events."""

__version__ = "0.1.0"
