"""unused-suppression: a suppression comment that suppressed nothing (ruff's
RUF100).  It runs after suppression, on the comments that covered no finding."""
from __future__ import annotations

from .base import Kind


def check_directives(rule, directives):
    return [d for d in directives if d.action != "enable"]


KIND = Kind(
    name="unused-suppression",
    about="A suppression comment that suppresses nothing.",
    check_directives=check_directives,
)
