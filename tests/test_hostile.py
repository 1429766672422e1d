"""Nothing injected: option values, names and titles are text, never HTML or LaTeX markup.

Root tests/roots/test-hostile puts script tags, `\\input{/etc/passwd}`, Jinja braces and every
TeX special character into event, session, project and release options and names; the HTML must
show them escaped, the .tex must escape them, and the PDF must print them literally.
"""

from __future__ import annotations

import re
import subprocess
from html import unescape
from pathlib import Path

import pytest

from conftest import need_tool
from helpers import entry, html, inventory, section, warnings

CHAPTER = "reports/2018-05-hostile"

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
INPUT = r"\input{/etc/passwd}"
SPECIALS = r"& % $ # _ { } ~ ^ \ Smith"
EVENT_NAME = IMG + " {{ event }} % & Summit"

#: what each hostile value must look like in HTML
E_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"
E_IMG = "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
E_EVENT_NAME = E_IMG + " {{ event }} % &amp; Summit"


@pytest.fixture(scope="module")
def app(build_root):
    return build_root("hostile", "html")


@pytest.fixture(scope="module")
def latex(build_root):
    app = build_root("hostile", "latex")
    return app, (Path(app.outdir) / "hostile.tex").read_text(encoding="utf-8")


def all_pages(app) -> dict[str, str]:
    out = Path(app.outdir)
    return {str(p.relative_to(out)): p.read_text(encoding="utf-8") for p in sorted(out.rglob("*.html"))}


def visible(fragment: str) -> str:
    """The text a reader sees: tags dropped, entities decoded (Sphinx writes `&quot;` or `&#34;`,
    and splits signature names into one span per word)."""
    return " ".join(unescape(re.sub(r"<[^>]*>", "", fragment)).split())


def test_hostile_book_builds_without_warnings(app):
    """Strange characters are not mistakes: nothing to warn about, every name resolves."""
    assert warnings(app) == []


def test_no_raw_markup_in_any_page(app):
    """No page carries the script tag or the img tag as markup, whatever page shows the value."""
    pages = all_pages(app)
    assert len(pages) >= 6
    for name, text in pages.items():
        assert "<script>alert" not in text, name
        assert "<img src=x" not in text, name


def test_event_values_are_escaped(app):
    """The event's name and location are shown as the text written."""
    block = section(html(app, CHAPTER), "event-hostile-2018", "</dl>")
    assert E_EVENT_NAME in block
    assert f"{E_SCRIPT} {INPUT} &amp; % $ # _ {{ }} ~ ^ \\ 会場" in block


def test_session_values_are_escaped(app):
    """Speakers, track and the badges of oddly named projects are text in the session block."""
    page = html(app, CHAPTER)
    block = section(page, "session-hostile-talk", "</dl>")
    assert f"{E_SCRIPT}、{E_IMG}、&amp; % $ # _ {{ }} ~ ^ \\ Smith、山田「太郎」・花子。" in block
    assert f"{INPUT} {{{{ track }}}}" in block
    for name in ("Nova", "Amp &amp; % $ # _ { } ~ ^ \\ Project", E_IMG, "「計算」・基盤。〜！"):
        assert re.search(r'<span class="summit-badge[^"]*">' + re.escape(name) + "</span>", block), name
    assert "Rocky {{ x }} % &amp;" in block


def test_titles_are_escaped_where_reused(app):
    """A session title with braces, % and & and a titled role stay text in links and the heading."""
    page = html(app, CHAPTER)
    title = "Talk {{ title }} % &amp; $ # _ ~ ^ \\input{/etc/passwd} 「題」"
    assert f"<h2>{title}<a" in page
    assert re.search(r'href="#session-hostile-talk"[^>]*><span[^>]*>' + re.escape(title) + "<", page)
    assert re.search(r'href="\.\./glossary\.html#project-nova"[^>]*><span[^>]*>\{\{ x \}\} % &amp;<', page)
    glossary = html(app, "glossary")
    assert "reports/2018-05-hostile.html#session-hostile-talk" in entry(glossary, "project-img-project")
    assert title in entry(glossary, "project-specials")
    assert E_EVENT_NAME in entry(glossary, "project-jp-punct")


def test_glossary_and_releases_are_escaped(app):
    """Project and release names, aliases and versions are shown as written."""
    glossary = html(app, "glossary")
    assert f"{INPUT}、{E_SCRIPT}" in entry(glossary, "project-nova")
    assert IMG in visible(entry(glossary, "project-img-project"))
    assert "Amp & % $ # _ { } ~ ^ \\ Project" in visible(entry(glossary, "project-specials"))
    assert "「計算」・基盤。〜！" in entry(glossary, "project-jp-punct")
    rocky = entry(html(app, "releases"), "release-rocky")
    assert "Rocky {{ x }} % &" in visible(rocky) and E_IMG in rocky


def test_indices_are_escaped(app):
    """Both domain indices and the general index list the names as text."""
    projects = visible(html(app, "summit-projects"))
    for name in (IMG, EVENT_NAME, "Amp & % $ # _ { } ~ ^ \\ Project", "「計算」・基盤。〜！"):
        assert name in projects, name
    releases = visible(html(app, "summit-releases"))
    for name in ("Rocky {{ x }} % &", IMG, EVENT_NAME):  # a session row shows its title and event
        assert name in releases, name
    genindex = visible(html(app, "genindex"))
    assert EVENT_NAME in genindex and IMG in genindex


def test_inventory_keeps_names_literally(app):
    """objects.inv display names are the names as written (intersphinx users see the same text)."""
    labels = inventory(app)["std:label"]
    assert labels["event-hostile-2018"].display_name == EVENT_NAME
    assert labels["project-img-project"].display_name == IMG
    assert labels["project-specials"].display_name == r"Amp & % $ # _ { } ~ ^ \ Project"
    assert labels["release-rocky"].display_name == "Rocky {{ x }} % &"


def test_latex_escapes_every_value(latex):
    """The .tex escapes backslashes, braces and TeX specials; nothing written can run as TeX."""
    app, tex = latex
    assert warnings(app) == []
    assert INPUT not in tex
    assert r"\textbackslash{}input\{/etc/passwd\}" in tex
    assert r"\textless{}script\textgreater{}alert(1)\textless{}/script\textgreater{}" in tex
    assert r"\{\{ event \}\} \% \& Summit" in tex
    assert r"\& \% \$ \# \_ \{ \} \textasciitilde{} \textasciicircum{} \textbackslash{} Smith" in tex
    assert r"Rocky \{\{ x \}\} \% \&" in tex
    assert "「計算」・基盤。〜！" in tex
    # Every % and & and # in the document body is escaped (an unescaped % would comment out the rest).
    body = tex[tex.index(r"\begin{document}"):]
    for line in body.splitlines():
        if any(word in line for word in ("Summit", "Smith", "Project")):
            assert not re.search(r"[%&#]", re.sub(r"\\[%&#$_{}]", "", line)), line


@pytest.fixture(scope="module")
def pdf_text(latex) -> str:
    need_tool("uplatex", "latexmk", "dvipdfmx", "make", why="the booklet is built with uplatex")
    need_tool("pdftotext", why="the PDF is read back with poppler-utils")
    app, _ = latex
    out = Path(app.outdir)
    result = subprocess.run(["make"], cwd=out, capture_output=True, text=True, check=False, timeout=600)
    pdf = out / "hostile.pdf"
    assert result.returncode == 0 and pdf.exists(), result.stdout[-3000:] + result.stderr[-3000:]
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("text", [
    INPUT, SCRIPT, IMG, "{{ event }} % & Summit", SPECIALS, "Amp & % $ # _ { } ~ ^ \\ Project",
    "「計算」・基盤。〜！", "山田「太郎」・花子。", "Rocky {{ x }} % &",
    "Talk {{ title }} % & $ # _ ~ ^ \\input{/etc/passwd} 「題」",
])
def test_pdf_prints_values_literally(pdf_text, text):
    """The printed booklet shows each hostile value as the characters written."""
    flat = re.sub(r"\s+", "", pdf_text).replace("˜", "~").replace("ˆ", "^")
    assert re.sub(r"\s+", "", text) in flat


# -- URLs: only web links become links --------------------------------------------------------


@pytest.fixture(scope="module")
def links(build_root):
    return build_root("hostile-links", "html")


def test_script_urls_never_become_links(links):
    """A javascript: URL in :links: or :url: is never an href; a web URL beside it still is."""
    for name, text in all_pages(links).items():
        assert not re.search(r'href="\s*javascript:', text, flags=re.I), name
    page = html(links, "reports/2018-05-links")
    assert 'href="https://example.org/slides"' in page
    assert "javascript:alert(1)" in section(page, "session-links-talk", "</dl>")  # shown as text
    assert 'href="https://docs.openstack.org/neutron/latest/"' in html(links, "glossary")


def test_script_urls_warn(links):
    """A URL that is not http(s) or mailto is an option value mistake, reported where it is written."""
    lines = warnings(links)
    expected = [("reports/2018-05-links.md:8", "javascript:alert(1)"), ("reports/2018-05-links.md:8",
                "JavaScript:alert(2)"), ("glossary.md:3", "javascript:alert(1)")]
    for where, value in expected:
        assert any(f"{where}: WARNING: " in line and value in line and line.endswith("[summit.option]")
                   for line in lines), (where, value, lines)


# -- a session heading written with raw HTML ---------------------------------------------------


@pytest.fixture(scope="module")
def heading(build_root):
    return build_root("hostile-heading", "html")


def test_session_heading_html_is_text(heading):
    """HTML in a session heading (pasted from a blog) is shown as text, in the chapter and the toctree."""
    for name, text in all_pages(heading).items():
        assert "<img src=x" not in text and "<script>alert" not in text, name
    page = html(heading, "reports/2018-05-heading")
    assert f"Talk {E_IMG} {E_SCRIPT}" in section(page, "session-heading-talk")
