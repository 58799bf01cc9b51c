"""LaTeX left in converted papers; a preprint server's stamp; a printed imprint and a manuscript stamp."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest

from pipeline.config import RepairConfig, load
from pipeline.document import Document, Source
from pipeline.repair.latex import is_command_line, strip_author_commands
from pipeline.repair.layout import ARXIV_STAMP, build_blocks
from pipeline.stages import Pipeline


@pytest.mark.parametrize(("text", "alone"), [
    ("\\maketitle", True), ("\\label{sec:intro}", True), ("\\section*{Introduction}", True),
    ("\\includegraphics[width=0.5\\textwidth]{fig1.pdf}", True),
    ("\\newpage", True), ("See Section~\\ref{sec:data}.", False), ("\\cite{x} shows", False), ("", False),
])
def test_is_command_line(text: str, alone: bool) -> None:
    assert is_command_line(text) is alone


@pytest.mark.parametrize(("text", "want"), [
    ("Ann Lee[^1] \\and Bo Li[^2] \\thanks{Corresponding author: \\texttt{a@b.org}}", "Ann Lee[^1], Bo Li[^2]"),
    ("Ann Lee \\and Bo Li", "Ann Lee, Bo Li"),
    ("No commands here", "No commands here"),
    ("Ann Lee\\thanks{Unbalanced {brace", "Ann Lee"),
    ("The \\andante tempo", "The \\andante tempo"),  # not the \and command
])
def test_strip_author_commands(text: str, want: str) -> None:
    assert strip_author_commands(text) == want


@pytest.mark.parametrize(("line", "stamp"), [
    ("arXiv:2403.16342v2 [physics.ao-ph] 19 Mar 2024", True),
    ("arXiv:1706.03762 [cs.CL] 12 Jun 2017", True),
    ("Cite as: arXiv:2403.16342 [physics.ao-ph]", False),
])
def test_arxiv_stamp(line: str, stamp: bool) -> None:
    assert (ARXIV_STAMP.fullmatch(line) is not None) is stamp


def test_a_converted_preprint() -> None:
    text = ("arXiv:2403.16342v2 [physics.ao-ph] 19 Mar 2024\n\n# Ship tracks in geostationary imagery\n\n"
            "Ann Lee[^1] \\and Bo Li[^2] \\thanks{Corresponding author}\n\n[^1]: Bergen\n[^2]: Funchal\n\n"
            "\\maketitle\n\n## Introduction\n\n\\label{sec:intro}\n\n"
            "Ships emit aerosol particles which act as additional cloud condensation nuclei in the boundary layer.\n")
    out = build_blocks(text, RepairConfig())
    texts = [b.text for b in out.blocks]
    assert "Ann Lee, Bo Li" in texts
    assert not any("\\maketitle" in t or "\\label" in t or "arXiv:" in t for t in texts)
    assert "arXiv:2403.16342v2 [physics.ao-ph] 19 Mar 2024" in out.furniture


@pytest.mark.parametrize(("texts", "want"), [
    (["Text.", "", "Подписано в печать 15.04.2024. Формат 60×84 1/16.",
      "Бумага офсетная. Усл. печ. л. 1,4. Тираж 100 экз. Заказ № 312.", "",
      "Отпечатано в типографии ООО «Двор»", "610017, г. Киров, ул. Московская, д. 12", "", "More text."],
     [2, 3, 5, 6]),
    (["На правах рукописи", "", "КОРЕПАНОВА Дарья Сергеевна"], [0]),
    # One cue alone is the text's own word ("a print run of 100 copies").
    (["Книга вышла тиражом 100 экз. и разошлась за месяц.", "", "Тираж 100 экз."], []),
    # Two cues far apart are two mentions.
    (["Тираж 100 экз.", "a", "b", "c", "d", "Подписано в печать 1.02.2024."], []),
])
def test_find_imprint(texts: list[str], want: list[int]) -> None:
    from pipeline.repair.layout import find_imprint
    assert find_imprint(texts) == want


@pytest.mark.parametrize(("fence", "heading"), [("::: abstract", "Abstract"), ("::: {.abstract}", "Abstract"),
                                                ("::: {.keywords}", "Keywords"), ("::: note", None)])
def test_a_div_named_for_its_part(fence: str, heading: str | None) -> None:
    text = f"# A title\n\n{fence}\nShip tracks are bright linear cloud features formed by ship exhaust.\n:::\n"
    out = build_blocks(text, RepairConfig(markdown=True))
    texts = [b.text for b in out.blocks]
    assert (heading in texts) if heading else texts == ["A title", texts[1]]
    assert not any(":::" in t for t in texts)


@pytest.mark.parametrize(("line", "want"), [
    (r"Hannah Okafor\({}^{1}\), Tomasz Wielgosz\({}^{2}\) and Mirela Constantin\({}^{1,*}\)",
     "Hannah Okafor1, Tomasz Wielgosz2 and Mirela Constantin1,*"),
    (r"\({}^{1}\)School of Biology, University of Eastmoor", "1 School of Biology, University of Eastmoor"),
    (r"Bo Li\(^{\ast}\)", "Bo Li*"),
    (r"the area \(x^{2}\) grows", r"the area \(x^{2}\) grows"),  # maths in prose stays
])
def test_maths_superscript_markers(line: str, want: str) -> None:
    assert strip_author_commands(line) == want


def test_a_nougat_front_reads_its_markers_and_affiliations() -> None:
    text = ("# Road mortality of amphibians on rural roads\n\n"
            r"Hannah Okafor\({}^{1}\) and Tomasz Wielgosz\({}^{2}\)" "\n\n"
            r"\({}^{1}\)School of Biology, University of Eastmoor, Eastmoor, United Kingdom" "\n\n"
            r"\({}^{2}\)Institute of Nature Conservation, Polish Academy of Sciences, Krakow, Poland" "\n\n"
            "###### Abstract\n\nCounts of amphibians killed on roads are dominated by zeros, yet a few nights "
            "produce most of the mortality, and we model them with a zero-inflated count model.\n")
    assert [(a["name"], a["affiliations"]) for a in _record(text, "x.md")["authors"]] == [
        ("Hannah Okafor", ["School of Biology, University of Eastmoor, Eastmoor, United Kingdom"]),
        ("Tomasz Wielgosz", ["Institute of Nature Conservation, Polish Academy of Sciences, Krakow, Poland"])]


@pytest.mark.parametrize(("line", "stamp"), [
    ("Contents lists available at ScienceDirect", True), ("journal homepage: www.example.com/locate/x", True),
    ("Color versions of one or more figures in this article are available at https://x.org", True),
    ("Extended author information available on the last page of the article", True), ("Vol.:(0123456789)", True),
    ("Submit your article to this journal", True), ("Article views: 312", True), ("View Crossmark data", True),
    ("Full Terms & Conditions of access and use can be found at", True),
    ("Listas de contenidos disponibles en ScienceDirect", True), ("página web de la revista: www.x.es", True),
    ("Listes de contenus disponibles sur ScienceDirect", True), ("page d’accueil de la revue : www.x.fr", True),
    ("Lista de conteúdos disponível em SciELO", True), ("La página web de la revista se actualiza cada mes.", False),
    ("To cite this article: A. Berg (2024) Huts, Mountain Studies, 12:1, 1-20", False),  # metadata reads it
    ("Contents of the archive are listed in Table 2.", False), ("The article views the hut as a commons.", False),
])
def test_is_publisher_stamp(line: str, stamp: bool) -> None:
    from pipeline.repair.layout import is_publisher_stamp
    assert is_publisher_stamp(line) is stamp


@pytest.mark.parametrize(("line", "stamp"), [
    ("W.-J. Okafor et al.", True), ("S. Ó MURCHÚ ET AL.", True), ("ИВАНОВ И. И. И ДР.", True),
    ("A. van Berg et al. 12", True), ("W. Okafor et al. (2019) found the same", False),
])
def test_et_al_running_heads(line: str, stamp: bool) -> None:
    from pipeline.repair.layout import is_page_stamp
    assert is_page_stamp(line, True) is stamp


@pytest.mark.parametrize(("line", "want"), [
    ("A R T I C L E  I N F O", "ARTICLE INFO"), ("   A B S T R A C T", "   ABSTRACT"), ("В в е д е н и е", "Введение"),
    ("I  a m  a  b", "I  a m  a  b"), ("Table 1 a b c d", "Table 1 a b c d"), ("x y z", "x y z"),
])
def test_unspace_letters(line: str, want: str) -> None:
    from pipeline.repair.layout import unspace_letters
    assert unspace_letters([line])[0] == [want]


def test_a_letter_spaced_abstract_heading_is_the_abstracts_cue() -> None:
    text = ("Citrate additives suppress zinc dendrites in mildly acidic zinc-ion batteries\n\nAnna Berg, Tom Ray\n\n"
            "A B S T R A C T\n\nAqueous zinc-ion batteries are attractive for stationary storage because of their low "
            "cost and intrinsic safety, but dendritic zinc deposition limits their cycle life.\n\n1. Introduction\n\n"
            "Zinc-ion batteries combine a high capacity with non-flammable electrolytes and low cost.\n\f2\n")
    assert _record(text, "x.txt")["abstract"]["en"].startswith("Aqueous zinc-ion batteries are attractive")


def _record(text: str, path: str) -> dict[str, Any]:
    """The record the whole pipeline makes of ``text`` saved as ``path``."""
    raw = text.encode()
    doc = Document(source=Source(path=path, sha256=hashlib.sha256(raw).hexdigest(), size_bytes=len(raw)), raw=raw)
    out = Pipeline(load(None)).process(doc)
    assert out.record is not None
    return out.record


def test_a_preprint_servers_stamp_paragraph_is_furniture() -> None:
    stamp = ("medRxiv preprint doi: https://doi.org/10.1101/2024.02.26.24301234; this version posted February 28, 2024. "
             "The copyright holder for this preprint (which was not certified by peer review) is the author/funder.")
    text = (stamp + "\n\n# Excess winter mortality in northern regions, 2010–2022\n\nAnna Berg^1^, Ivan Petrov^2^\n\n"
            "^1^ Department of Demography, University of Oslo, Oslo, Norway\n\n"
            "^2^ Institute of Economic Forecasting, Moscow, Russia\n\n## Abstract\n\nWinter mortality in the north has "
            "been studied less than in western Europe, although the climate is colder and the heating season longer.\n\n"
            + stamp + "\n\nThe regions studied stretch from Murmansk to Chukotka.\n")
    rec = _record(text, "x.txt")
    assert rec["title"]["text"] == "Excess winter mortality in northern regions, 2010–2022"
    assert rec["published"] == "2024-02-28" and rec["doi"] == "10.1101/2024.02.26.24301234"
    assert [(a["name"], a["affiliations"]) for a in rec["authors"]] == [
        ("Anna Berg", ["Department of Demography, University of Oslo, Oslo, Norway"]),
        ("Ivan Petrov", ["Institute of Economic Forecasting, Moscow, Russia"])]
    assert "preprint doi" not in rec["text"] and "^" not in rec["text"]


@pytest.mark.parametrize(("text", "want"), [
    ("Anna Berg^1^, Ivan Petrov^2,3^", "Anna Berg1, Ivan Petrov2,3"), ("^1^ Department of Demography", "1 Department of Demography"),
    ("Wen-Hao Lin[^1][^3]", "Wen-Hao Lin"),  # markdown notes' references, not superscripts
])
def test_pandoc_superscripts(text: str, want: str) -> None:
    from collections import Counter

    from pipeline.repair.layout import strip_markdown
    assert strip_markdown(text, Counter()) == want


@pytest.mark.parametrize(("contents", "homepage"), [
    ("Listas de contenidos disponibles en RGCM Digital", "página web de la revista: www.rgcm.example.es"),
    ("Lista de conteúdos disponível em SciELO", "página inicial da revista: www.rbg.example.br"),
])
def test_a_platform_masthead_in_another_language_leaves_the_text(contents: str, homepage: str) -> None:
    body = ("Los autores lamentan que en la versión publicada del artículo se deslizaron tres errores que no "
            "afectan a las conclusiones del trabajo, pero que conviene corregir en esta nota.\n")
    text = ("                 Revista de Geografía y Clima Mediterráneo 41 (2025) 101587\n\n"
            f"          {contents}\n"
            "                 Revista de Geografía y Clima Mediterráneo\n"
            f"          {homepage}\n\n\n"
            "Fe de erratas de «Variabilidad de las precipitaciones otoñales en el litoral»\n\n"
            + body * 3 + "\f" + body * 3)
    record = _record(text, "x.txt")
    assert homepage not in record["text"]
    assert contents not in record["text"]


def test_the_bylines_first_page_copy_stays_when_the_running_head_repeats_it() -> None:
    para = ("Статья посвящена эволюции межгосударственного взаимодействия по вопросам использования "
            "трансграничных водных ресурсов в Центральной Азии после распада единой системы управления.\n")
    head = "ВОПРОСЫ ЕВРАЗИЙСКОЙ ПОЛИТИКИ • 2022 • № 4\n\n"
    text = (head + "УДК 327.7(575):556.18\nDOI 10.35775/PSI.2022.4.58-61\n\n"
            "ВОДНАЯ ДИПЛОМАТИЯ В ЦЕНТРАЛЬНОЙ АЗИИ\n\n          Т. Р. Сабиров\n"
            "Казанский федеральный университет, Казань, Россия\n\n" + para * 4 + "\n58\n\f"
            + "Т. Р. Сабиров\n\n" + para * 5 + "\n59\n\f" + head + para * 5 + "\n60\n\f"
            + "Т. Р. Сабиров\n\n" + para * 5 + "\n61\n")
    record = _record(text, "x.txt")
    assert [a["name"] for a in record["authors"]] == ["Т. Р. Сабиров"]
    assert record["text"].count("Т. Р. Сабиров") == 1  # the running heads go


@pytest.mark.parametrize("line", ["- **DOI:** 10.57000/xy/2118", "* __DOI__: 10.57000/xy/2118", "**doi:** 10.57000/xy/2118"])
def test_a_markdown_doi_line_is_read_without_its_marks(line: str) -> None:
    # The line goes to the furniture; metadata reads it there as it reads in the text.
    text = ("# Dataset Card for Kamtext\n\n## Dataset Description\n\n- **Homepage:** https://kamtext.example.org\n"
            f"{line}\n\n### Dataset Summary\n\nKamtext is a corpus of river-navigation notices collected over ten "
            "years from the harbour offices of the upper Kama basin.\n")
    rec = _record(text, "card.md")
    assert rec["doi"] == "10.57000/xy/2118"
    assert "10.57000" not in rec["text"]


@pytest.mark.parametrize("note", ["[MISSING_PAGE_POST]", "[MISSING_PAGE_EMPTY:5]", "[MISSING_PAGE_FAIL:2]"])
def test_a_converters_missing_page_note_goes(note: str) -> None:
    text = ("# Anomalous damping of third sound\n\nKasper Berg, Rohini Iyer\n\n###### Abstract\n\nThird sound in "
            f"superfluid helium films is damped far more strongly on structured substrates than expected.\n\n{note}\n\n"
            "## I. Introduction\n\nThird sound is a surface wave of thin superfluid films.\n")
    rec = _record(text, "x.mmd")
    assert "MISSING_PAGE" not in rec["text"] and note in rec["boilerplate"]
