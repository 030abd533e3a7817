"""Events: PLOVER-coded happenings found in an article (see docs/events.md)."""
