"""The reading pane's stylesheet: sizes from the font, colours from the palette.

Qt's rich text honours pixel lengths for margins, so every size derives from the
text's pixel size; colours come from the palette so the light, sepia and dark
themes (and a system switch) restyle the article. A ``p.notice`` (an article shown as
plain text, or only its start) is set apart on a tint of the page, in every theme.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette


def _mix(a: QColor, b: QColor, amount: float) -> str:
    """``a`` moved ``amount`` of the way towards ``b``."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * amount),
        round(a.green() + (b.green() - a.green()) * amount),
        round(a.blue() + (b.blue() - a.blue()) * amount),
    ).name()


def reading_stylesheet(px: int, palette: QPalette, line_height: int, sans: bool) -> str:
    text = palette.color(QPalette.ColorRole.Text)
    page = palette.color(QPalette.ColorRole.Base)
    muted = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.PlaceholderText).name()
    link = palette.color(QPalette.ColorRole.Link).name()
    shade = _mix(page, text, 0.07)  # code and table headers: a tint of the page
    rule = _mix(page, text, 0.25)
    byline_face = "serif" if sans else "sans-serif"
    return f"""
        p, li, dd, dt, blockquote {{ line-height: {line_height}%; }}
        p {{ margin-top: 0px; margin-bottom: {round(px * 0.9)}px; }}
        h1.title {{ font-size: {round(px * 1.75)}px; font-weight: 600;
                    margin-top: {round(px * 0.5)}px; margin-bottom: {round(px * 0.4)}px; }}
        h1, h2, h3, h4, h5, h6 {{ font-weight: 600; margin-top: {round(px * 1.2)}px;
                                  margin-bottom: {round(px * 0.5)}px; }}
        h1 {{ font-size: {round(px * 1.5)}px; }}
        h2 {{ font-size: {round(px * 1.3)}px; }}
        h3 {{ font-size: {round(px * 1.12)}px; }}
        h4, h5, h6 {{ font-size: {px}px; }}
        p.byline {{ color: {muted}; font-family: {byline_face};
                    font-size: {round(px * 0.8)}px; margin-bottom: {round(px * 1.6)}px; }}
        p.tags {{ color: {muted}; font-family: {byline_face}; font-size: {round(px * 0.8)}px;
                  margin-top: -{round(px * 1.2)}px; margin-bottom: {round(px * 1.6)}px; }}
        p.error {{ font-family: sans-serif; }}
        p.notice {{ font-family: sans-serif; font-size: {round(px * 0.8)}px; color: {text.name()};
                    background-color: {shade}; margin-bottom: {round(px * 1.2)}px; }}
        blockquote {{ margin-left: {round(px * 1.4)}px; margin-right: {round(px * 1.4)}px;
                      color: {muted}; font-style: italic; }}
        ul, ol {{ margin-left: {round(px * 0.4)}px; margin-bottom: {round(px * 0.9)}px; }}
        li {{ margin-bottom: {round(px * 0.3)}px; }}
        a {{ color: {link}; }}
        code {{ font-family: monospace; font-size: {round(px * 0.85)}px;
                background-color: {shade}; }}
        pre {{ font-family: monospace; font-size: {round(px * 0.85)}px;
               background-color: {shade}; margin-bottom: {round(px * 0.9)}px; }}
        table {{ border-color: {rule}; margin-bottom: {round(px * 0.9)}px; }}
        th {{ background-color: {shade}; font-weight: 600; }}
        em.image-alt {{ color: {muted}; font-family: sans-serif; font-size: {round(px * 0.8)}px; }}
        hr {{ color: {rule}; }}
    """
