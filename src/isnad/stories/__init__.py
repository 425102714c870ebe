"""Stories: which articles report the same event (and so can be compared claim by claim)."""

from isnad.stories.group import group_stories

__all__ = ["group_stories"]
