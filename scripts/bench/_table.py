"""The result table: one `Row` per figure, and the markdown page it becomes."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from ._stats import Spread, fmt_ratio

__all__ = ["NA", "Row", "Section", "compared", "render_page", "render_table", "verdict"]

NA = "—"
_COLUMNS = (
    "#",
    "measurement",
    "magic-hour-ext",
    "official SDK",
    "curl",
    "ours ÷ SDK",
    "ours ÷ curl",
    "target",
    "verdict",
)


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the table. Figures are already formatted; ``verdict`` is "met", "MISSED" or NA."""

    id: str
    what: str
    ours: str
    official: str = NA
    curl: str = NA
    vs_official: str = NA
    vs_curl: str = NA
    target: str = NA
    verdict: str = NA

    def cells(self) -> tuple[str, ...]:
        return (
            self.id,
            self.what,
            self.ours,
            self.official,
            self.curl,
            self.vs_official,
            self.vs_curl,
            self.target,
            self.verdict,
        )


@dataclass(slots=True)
class Section:
    """The rows of one numbered measurement, with the notes that say how they were made."""

    title: str
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def compared(
    id: str,
    what: str,
    values: Mapping[str, Spread],
    fmt: Callable[[float], str],
    *,
    target: str = NA,
    verdict: str = NA,
    absent: Mapping[str, str] | None = None,
) -> Row:
    """A row of measured peers ("ours", "official", "curl"): each cell, and ours ÷ each peer's median.

    A peer missing from *values* shows ``absent[peer]`` (default: an em dash).

    Example:
        >>> from ._stats import fmt_count, spread
        >>> row = compared("3b", "requests", {"ours": spread([2, 4]), "official": spread([12])}, fmt_count)
        >>> row.ours, row.official, row.curl, row.vs_official
        ('3 (2\N{EN DASH}4)', '12', '\N{EM DASH}', '0.25\N{MULTIPLICATION SIGN}')
    """

    def cell(peer: str) -> str:
        return values[peer].show(fmt) if peer in values else (absent or {}).get(peer, NA)

    def ratio(peer: str) -> str:
        ok = "ours" in values and peer in values
        return fmt_ratio(values["ours"].median, values[peer].median) if ok else NA

    return Row(
        id,
        what,
        cell("ours"),
        cell("official"),
        cell("curl"),
        ratio("official"),
        ratio("curl"),
        target,
        verdict,
    )


def verdict(ok: bool) -> str:
    """ "met" or "MISSED", as the table prints it.

    Example:
        >>> verdict(True), verdict(False)
        ('met', 'MISSED')
    """
    return "met" if ok else "MISSED"


def _line(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def render_table(sections: Sequence[Section]) -> str:
    """The markdown table of every row, section after section."""
    lines = [_line(_COLUMNS), _line(["---"] * len(_COLUMNS))]
    for section in sections:
        lines.extend(_line(row.cells()) for row in section.rows)
    return "\n".join(lines) + "\n"


def render_page(header: Sequence[str], sections: Sequence[Section]) -> str:
    """The whole report: the header lines, the table, then each section's notes."""
    parts = ["# Benchmarks", "", *header, "", render_table(sections)]
    for section in sections:
        if section.notes:
            parts.append(f"**{section.title}**\n")
            parts.extend(f"- {note}" for note in section.notes)
            parts.append("")
    return "\n".join(parts).rstrip() + "\n"
