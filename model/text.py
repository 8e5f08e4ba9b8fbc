"""Text that model/ draws or names for the window, translatable without Qt.

model/ never imports Qt. The window installs Qt's translate function at start-up
(app/i18n.py); until then, and always on the command line, `translate` returns
the English text unchanged, so command-line output and files written from it
stay in English. Literal strings only, so that pyside6-lupdate finds them:
`translate("Experiments", "{n} epochs").format(n=5)`, never an f-string inside.
"""

from __future__ import annotations

from typing import Callable

_translator: Callable[[str, str], str] | None = None


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark `text` for lupdate where it can't be translated yet (a module constant); returns it unchanged."""
    return text


def translate(context: str, text: str) -> str:
    """`text` in the window's language; English unless a translator was installed."""
    return text if _translator is None else _translator(context, text)


def install(translator: Callable[[str, str], str] | None) -> None:
    """Use translator(context, text) from now on (None: English again)."""
    global _translator
    _translator = translator
