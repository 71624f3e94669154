"""What the sources cannot show: a study's own words with the citations of ``references.csv``."""

from __future__ import annotations

import os


class ReaderNote:
    """Paragraphs and a list of citations; shows as HTML in a notebook and on a page."""

    def __init__(self, paragraphs: tuple[str, ...], citations: list[tuple[str, str, str, str]]):
        """Hold the paragraphs and the citations (outlet, title, date, url)."""
        self.paragraphs, self.citations = paragraphs, citations

    def __repr__(self) -> str:
        """Plain text: the paragraphs, then one citation a line."""
        cites = [f"- {o}, {t}, {d}. {u}" for o, t, d, u in self.citations]
        return "\n\n".join(self.paragraphs) + ("\n" + "\n".join(cites) if cites else "")

    def _repr_html_(self) -> str:
        import html

        esc = html.escape
        paras = "".join(f"<p>{esc(p)}</p>" for p in self.paragraphs)
        items = "".join(
            f"<li>{esc(o)}, <cite>{esc(t)}</cite>, {esc(d)}. "
            f"<a rel='external noopener' href='{esc(u)}'>Link</a></li>"
            for o, t, d, u in self.citations
        )
        return f"<div class=limits>{paras}<ul class=references>{items}</ul></div>"


def limits_note(
    paragraphs: str, topic: str = "labour_programmes", data: str | os.PathLike[str] | None = None
) -> ReaderNote:
    """What the sources cannot show: the study's own words, then the citations of ``references.csv``.

    Args:
        paragraphs: the text, paragraphs separated by blank lines (a study keeps it in one
            file, e.g. ``notebooks/limits.md``, read by every notebook that shows it).
        topic: the references' topic (:data:`aidlib.data.references.TOPICS`).
        data: the data folder (default: as :func:`aidlib.data.paths.data_dir` finds it).

    Examples:
        >>> note = limits_note("These figures cannot show outcomes.")
        >>> "cannot show outcomes" in repr(note) and "ohchr.org" in repr(note)
        True
    """
    from aidlib.data.references import load_references

    paras = tuple(" ".join(p.split()) for p in paragraphs.split("\n\n") if p.strip())
    if not paras:
        raise ValueError("limits_note: the text is empty; say what the sources cannot show")
    refs = load_references(data, topic=topic)
    cites = [(r.outlet, r.title, r.published, r.url) for r in refs.itertuples(index=False)]
    return ReaderNote(paras, cites)
