"""Text drawn by matplotlib in the window's language: a CJK font when one is installed, English when none is.

Qt finds a CJK font for its widgets through fontconfig by itself; matplotlib
only uses the families in its rcParams, so Chinese plot labels would be
boxes. `translate` is QCoreApplication.translate for plot text (lupdate finds
its calls as it finds Qt's): it gives the translation when it can be drawn and
the English source when it needs a CJK font and none is installed.
"""
from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QCoreApplication

# Simplified Chinese faces first, then the other CJK faces (they all carry the common Han characters).
CJK_FAMILIES = (
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "Microsoft YaHei",
    "PingFang SC", "Hiragino Sans GB", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "SimHei", "Heiti SC",
    "Noto Sans CJK JP", "Noto Sans CJK TC", "Noto Sans CJK KR", "Source Han Sans", "Droid Sans Fallback",
    "AR PL UMing CN", "AR PL UKai CN",
)
# Font files of those families, for a font installed after matplotlib built its font cache.
CJK_FILE_HINTS = ("notosanscjk", "notosanssc", "sourcehansans", "msyh", "pingfang", "hiragino", "wqy",
                  "simhei", "droidsansfallback", "uming", "ukai")
FIRST_CJK = 0x2E80  # CJK radicals onwards: kana, Han characters, Hangul, full-width forms


def needs_cjk(text: str) -> bool:
    return any(ord(c) >= FIRST_CJK for c in text)


@lru_cache(maxsize=1)
def cjk_family() -> str | None:
    """The first installed CJK family matplotlib can draw with, or None.

    Looks in matplotlib's font list, then (once) at the system's font files, since
    that list is cached from the first run and misses fonts installed later.
    """
    from matplotlib import font_manager

    manager = font_manager.fontManager
    found = _preferred({f.name for f in manager.ttflist})
    if found is None:
        for path in font_manager.findSystemFonts():
            if any(hint in path.lower().replace("-", "").replace("_", "") for hint in CJK_FILE_HINTS):
                try:
                    manager.addfont(path)
                except (OSError, RuntimeError, ValueError):  # unreadable or unsupported file: skip it
                    continue
        found = _preferred({f.name for f in manager.ttflist})
    if found is not None:
        _put_first(found)
    return found


def _preferred(names: set[str]) -> str | None:
    return next((family for family in CJK_FAMILIES if family in names), None)


def _put_first(family: str) -> None:
    """Draw sans-serif text in `family`, falling back glyph by glyph to the usual fonts (matplotlib >= 3.6)."""
    import matplotlib

    families = list(matplotlib.rcParams["font.sans-serif"])
    if family not in families:
        matplotlib.rcParams["font.sans-serif"] = [family, *families]
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["axes.unicode_minus"] = False  # CJK fonts often lack U+2212, the minus sign


def translate(context: str, text: str) -> str:
    """`text` translated for a plot; the English source if the translation needs a CJK font that isn't there."""
    translated = QCoreApplication.translate(context, text)
    if translated != text and needs_cjk(translated) and cjk_family() is None:
        return text
    return translated
