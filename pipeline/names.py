"""Name forms both the repair stage (telling an author line from a title's line) and the metadata stage
(reading the authors) meet."""

from __future__ import annotations

import re

# A name in Latin letters followed by the same name in Chinese or Japanese characters (two to four).
_HAN_FORM = re.compile(r"(?<=[^\W\d_])\s+[\u3400-\u4dbf\u4e00-\u9fff]{2,4}\s*$")


def drop_han_form(text: str) -> str:
    """A romanised name without the Han form printed after it; any other text as it is.

    ``"Chen Yuting 陳雨婷"`` -> ``"Chen Yuting"``; ``"陳雨婷"`` -> ``"陳雨婷"``
    """
    return _HAN_FORM.sub("", text) if text and text[-1] >= "\u3400" else text
