"""The documentation as part of the site: every ``docs/*.md`` rendered to
``reports/docs/<name>.html`` with the site's page, navigation and search (Markdown by mistune,
which nbconvert already uses; the page by the jinja2 template ``doc.html.j2``).

- The order of the pages and their group in the navigation come from ``docs/index.md``'s list
  of links; a page not listed there comes last.
- A page says which notebook's method it documents in a first-line comment,
  ``<!-- method: 03_targets -->``; each report of that notebook links to it (``assets/site.js``
  from the site map) and the page lists the reports that use it, so the two link both ways.
- Links between pages are written as ``other.md`` (so they work on GitHub too) and become
  ``other.html`` in the site.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import mistune
from markupsafe import Markup
from mistune.toc import add_toc_hook

from analysis import paths

__all__ = ["DocPage", "build", "docs_dir", "fingerprint", "load", "render_markdown", "slug"]

_METHOD = re.compile(r"^<!--\s*method:\s*([\w, -]+?)\s*-->")
_MD_LINK = re.compile(r'href="(?!https?://)([^"#]+)\.md(#[^"]*)?"')


@dataclass(frozen=True)
class DocPage:
    name: str  # the file's stem: docs/<name>.md -> docs/<name>.html
    title: str
    markdown: str
    methods: tuple[str, ...]  # the notebooks (stems) whose method it documents


def docs_dir() -> Path:
    return paths.project_root() / "docs"


def fingerprint(folder: Path | None = None) -> str:
    """A hash of the documentation's files: the runner rebuilds the site when it changes, even
    when no report re-ran."""
    folder = Path(folder) if folder else docs_dir()
    digest = hashlib.sha256()
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def slug(text: str) -> str:
    """A heading's anchor as GitHub makes it (so a link works in the repository and in the
    site): lower case, punctuation dropped, each space a hyphen; Chinese kept as it is."""
    return re.sub(r"[^\w\- ]", "", text.strip().lower()).replace(" ", "-") or "section"


def render_markdown(text: str) -> tuple[str, list[tuple[int, str, str]]]:
    """HTML of a documentation page and its headings (level, anchor, text)."""
    md = mistune.create_markdown(escape=False, plugins=["table", "strikethrough", "url"])
    seen: dict[str, int] = {}

    def heading_id(token, index):
        base = slug(token.get("text") or "".join(c.get("raw", "") for c in token.get("children", [])))
        seen[base] = seen.get(base, 0) + 1
        return base if seen[base] == 1 else f"{base}-{seen[base]}"

    add_toc_hook(md, heading_id=heading_id)
    html, state = md.parse(text)
    html = str(html)  # mistune's parse is typed for its AST renderer too; the HTML renderer gives text
    return _MD_LINK.sub(lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"', html), state.env.get("toc_items", [])


def load(folder: Path | None = None) -> list[DocPage]:
    """The documentation pages, in the order ``index.md`` links them (index first)."""
    folder = Path(folder) if folder else docs_dir()
    if not folder.is_dir():
        return []
    pages = {}
    for path in sorted(folder.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        title = next((line.lstrip("#").strip() for line in text.splitlines() if line.startswith("# ")), path.stem)
        found = _METHOD.match(text)
        methods = tuple(m.strip() for m in found.group(1).split(",")) if found else ()
        pages[path.stem] = DocPage(path.stem, title, text, methods)
    order = ["index"] + re.findall(r"\]\(([\w-]+)\.md", pages["index"].markdown) if "index" in pages else []
    ranked = [pages[n] for n in dict.fromkeys(order) if n in pages]
    return ranked + [p for n, p in pages.items() if p not in ranked]


def build(reports: Path, env, write, rows: list[dict]) -> list[dict]:
    """Write ``reports/docs/<name>.html`` for every page; returns, per page, what the navigation
    and the search index need (key, href, title, text) and the reports it documents."""
    out = []
    for page in load():
        body, toc = render_markdown(page.markdown)
        used = [r for r in rows if r.get("html") and r.get("stem") in page.methods]
        html = env.get_template("doc.html.j2").render(
            root="../", lang="en", title=page.title, page=f"doc:{page.name}", body=Markup(body),
            toc=[t for t in toc if t[0] == 2], reports=used)
        write(reports / "docs" / f"{page.name}.html", html.encode("utf-8"))
        out.append({"key": f"doc:{page.name}", "href": f"docs/{page.name}.html", "title": page.title,
                    "methods": list(page.methods), "markdown": page.markdown})
    return out
