"""Keywords and abstracts per language, cue words removed, bilingual keyword lists aligned."""

from __future__ import annotations

import pytest
from metadata_docs import LONG_EN, LONG_RU, make_doc, run

from pipeline.metadata.keywords_abstract import (
    align_keyword_lists,
    clean_abstract,
    cue_kind,
    find_cues,
    regroup,
    split_keywords,
)


@pytest.mark.parametrize(
    "text, parts",
    [
        ("Ключевые слова: Китай, Россия.", [("keywords", "Китай, Россия.")]),
        ("Keywords: China; Russia", [("keywords", "China; Russia")]),
        ("Key words: China, Russia", [("keywords", "China, Russia")]),
        ("**Keywords:** China; Russia", [("keywords", "China; Russia")]),
        ("Аннотация. Текст аннотации.", [("abstract", "Текст аннотации.")]),
        ("**Abstract:** China and Russia are neighbours.", [("abstract", "China and Russia are neighbours.")]),
        ("Резюме: Статья посвящена торговле.", [("abstract", "Статья посвящена торговле.")]),
        ("Abstract", [("abstract", "")]),
        ("ABSTRACT " + LONG_EN, [("abstract", LONG_EN)]),
        ("Abstract Expressionism and the Cold War", []),
        ("Ключевые слова: порядок, мир. Abstract. Current relations are changing.",
         [("keywords", "порядок, мир."), ("abstract", "Current relations are changing.")]),
        ("Keywords: trade, energy.\nDOI: 10.1000/x", [("keywords", "trade, energy."), ("stop", "10.1000/x")]),
        ("In summary: it works.", []),
        ("The summary of the talks was brief. Abstract art is popular.", []),
    ],
)
def test_find_cues(text: str, parts: list[tuple[str, str]]) -> None:
    assert [(p.kind, text[p.start : p.end].strip()) for p in find_cues(text)] == parts


def test_cue_kind() -> None:
    assert cue_kind("Key words") == "keywords"
    assert cue_kind("Аннотация") == "abstract"
    assert cue_kind("DOI") == "stop"


@pytest.mark.parametrize(
    "text, items, sep",
    [
        ("Relations between China and Russia; A new model; International relations",
         ["Relations between China and Russia", "A new model", "International relations"], ";"),
        ("мысли о дипломатии, международный порядок.", ["мысли о дипломатии", "международный порядок"], ","),
        ("trade · energy · security", ["trade", "energy", "security"], "·"),
        ("international order. Introduction", ["international order"], ""),
        ("U.S. foreign policy; St. Petersburg", ["U.S. foreign policy", "St. Petersburg"], ";"),
        ("中俄关系；国际秩序；外交", ["中俄关系", "国际秩序", "外交"], "；"),
        ("中俄关系、国际秩序。", ["中俄关系", "国际秩序"], "、"),
        ("", [], ""),
    ],
)
def test_split_keywords(text: str, items: list[str], sep: str) -> None:
    assert split_keywords(text) == (items, sep)


def test_regroup_joins_the_piece_split_at_an_inner_comma() -> None:
    ru = ["мысли Си Цзиньпина о дипломатии", "китайско-российские отношения", "глубокие изменения",
          "невиданные за столетие", "международный порядок"]
    en = ["Xi Jinping Thought on Diplomacy", "China-Russia relations", "profound changes unseen in a century",
          "international order"]
    assert regroup(ru, en) == ["мысли Си Цзиньпина о дипломатии", "китайско-российские отношения",
                               "глубокие изменения, невиданные за столетие", "международный порядок"]


def test_regroup_refuses_lists_that_are_not_translations() -> None:
    assert regroup(["a", "b", "c", "d", "e", "f", "g"], ["x", "y", "z"]) is None
    assert regroup(["a", "b"], ["x", "y"]) is None


def test_align_only_regroups_comma_lists() -> None:
    lists = {"ru": (["безопасность", "Азия", "Тихоокеанский регион", "сотрудничество"], ","),
             "en": (["security", "Asia-Pacific region", "cooperation"], ";")}
    assert align_keyword_lists(lists) == {"ru": ["безопасность", "Азия, Тихоокеанский регион", "сотрудничество"],
                                          "en": ["security", "Asia-Pacific region", "cooperation"]}
    same = {"ru": (["a", "b"], ";"), "en": (["x"], "")}
    assert align_keyword_lists(same) == {"ru": ["a", "b"], "en": ["x"]}


def test_clean_abstract() -> None:
    assert clean_abstract("**China and\nRussia** are neighbours.  ") == "China and Russia are neighbours."


# --- whole documents ---


def test_bilingual_paper_keywords_and_abstracts() -> None:
    doc = make_doc([
        ("heading", "Размышления о дипломатии"), "Сюй Бо1, У Хао1", "1 Цзилиньский университет, Китай",
        "Аннотация. Современные международные отношения сталкиваются с глубокими изменениями.",
        ("paragraph", [("ru", "Ключевые слова: мысли о дипломатии, китайско-российские отношения, глубокие изменения, "
                              "невиданные за столетие, международный порядок."),
                       ("en", "Abstract. Current international relations are facing profound changes.")]),
        "Keywords: Thought on Diplomacy, China-Russia relations, profound changes unseen in a century, "
        "international order.",
        LONG_EN,
    ])
    md = run(doc)
    assert md["keywords"] == {
        "ru": ["мысли о дипломатии", "китайско-российские отношения", "глубокие изменения, невиданные за столетие",
               "международный порядок"],
        "en": ["Thought on Diplomacy", "China-Russia relations", "profound changes unseen in a century",
               "international order"],
    }
    assert md["abstract"] == {
        "ru": "Современные международные отношения сталкиваются с глубокими изменениями.",
        "en": "Current international relations are facing profound changes.",
    }
    assert [b.kind for b in doc.blocks[3:6]] == ["abstract", "keywords", "keywords"]


def test_markdown_paper_keywords_before_abstract() -> None:
    doc = make_doc([("heading", "Experience of New Relations"), ("heading", "Xibei Jia"),
                    "Keywords: Relations between China and Russia; A new model of international relations",
                    "Abstract: China and Russia are not only closely linked geographically.", LONG_EN])
    md = run(doc)
    assert md["keywords"] == {"en": ["Relations between China and Russia", "A new model of international relations"]}
    assert md["abstract"] == {"en": "China and Russia are not only closely linked geographically."}


def test_abstract_heading_alone_takes_the_next_paragraph() -> None:
    doc = make_doc([("heading", "Trade and Energy in Eurasia"), ("heading", "Abstract"),
                    "The paper studies trade and energy links. " + LONG_EN, ("heading", "Introduction"), LONG_EN])
    md = run(doc)
    assert md["abstract"]["en"].startswith("The paper studies trade and energy links.")
    assert doc.blocks[2].kind == "abstract"


def test_english_abstract_at_the_end_of_a_russian_paper() -> None:
    doc = make_doc([("heading", "Энергетический диалог России и Китая"), "Аннотация. " + LONG_RU, LONG_RU, LONG_RU,
                    ("heading", "Energy Dialogue between Russia and China"),
                    "Abstract. The article examines the energy dialogue.", "Keywords: energy; Russia; China."])
    md = run(doc)
    assert md["abstract"]["en"] == "The article examines the energy dialogue."
    assert md["keywords"] == {"en": ["energy", "Russia", "China"]}
    assert md["title_translations"] == [{"text": "Energy Dialogue between Russia and China", "lang": "en"}]


def test_summary_section_in_the_body_is_not_an_abstract() -> None:
    doc = make_doc([("heading", "Trade and Energy in Eurasia"), LONG_EN, "Summary: " + LONG_EN])
    assert run(doc)["abstract"] == {}


def test_russian_summary_of_an_english_paper_is_an_abstract() -> None:
    doc = make_doc([("heading", "Trade and Energy in Eurasia"), "Abstract: " + LONG_EN, LONG_EN,
                    "Резюме: " + LONG_RU])
    assert set(run(doc)["abstract"]) == {"en", "ru"}


def test_no_cues_no_keywords_or_abstract() -> None:
    md = run(make_doc([("heading", "A New Journey for Relations"), "By Li Hui", LONG_EN]))
    assert md["keywords"] == {} and md["abstract"] == {}


def test_keyword_list_run_into_the_citation_line() -> None:
    doc = make_doc([("heading", "Энергетический диалог России и Китая"), "Аннотация: " + LONG_RU,
                    "Ключевые слова: энергетика, Россия, Китай, санкции, нефть и газ Для цитирования: Иванов И.И. "
                    "Энергетический диалог // Вестник. 2023. Т. 16, № 2. С. 7–29.",
                    "Abstract: " + LONG_EN, "Keywords: energy, Russia, China, sanctions, oil and gas", LONG_RU])
    md = run(doc)
    assert md["keywords"]["ru"] == ["энергетика", "Россия", "Китай", "санкции", "нефть и газ"]
    assert md["keywords"]["en"] == ["energy", "Russia", "China", "sanctions", "oil and gas"]


def test_lowercase_cue_word_inside_a_sentence_is_not_a_cue() -> None:
    assert find_cues("The method has keywords: in the index they are rare.") == []


def test_keyword_heading_merged_with_its_list() -> None:
    assert [(p.kind, "Keywords sanctions, energy, Russia"[p.start : p.end]) for p in find_cues("Keywords sanctions, energy, Russia")] == [
        ("keywords", "sanctions, energy, Russia")]
    assert find_cues("Keywords matter in search engines") == []


@pytest.mark.parametrize("cue", ["Резюме.", "Resumen:", "Summary."])
def test_a_block_start_only_cue_at_the_end_of_the_front_matter_opens_the_abstract(cue: str) -> None:
    # The first cue ends the front matter: there it is the abstract's, not a body section's "Summary".
    body = LONG_RU if cue.startswith("Р") else LONG_EN
    blocks = [("heading", "Title of the Article on Contact Linguistics"), "A. B. Author1", f"{cue} {body}",
              "Keywords: lexicon, contact", LONG_EN, LONG_EN]
    md = run(make_doc(blocks))
    assert body[:40] in next(iter(md["abstract"].values()))


@pytest.mark.parametrize(("cue", "lang"), [("Key words", "en"), ("KEYWORDS", "en"), ("Palabras clave", "es"),
                                           ("Palavras-chave", "pt"), ("Mots-clés", "fr"), ("Ключові слова", "uk"),
                                           ("Резюме", None), ("Abstrakt", None)])
def test_cue_language(cue: str, lang: str | None) -> None:
    from pipeline.metadata.keywords_abstract import cue_language

    assert cue_language(cue) == lang


def test_a_second_keyword_list_labelled_as_the_first_one_takes_its_cue_s_language() -> None:
    # The English list's words have no function words: the labeller gave it the paper's language.
    blocks = [("heading", "Dinámica poblacional del cangrejo violinista en las salinas de la bahía"),
              "Lucía Fernández1, Javier Beltrán2", "1 Universidad del Atlántico Sur, España",
              ("paragraph", [("es", "Palabras clave: cangrejo violinista; salinas; marismas")]),
              ("paragraph", [("es", "Keywords: fiddler crab; salt pans; salt marshes")]), LONG_EN]
    md = run(make_doc(blocks))
    assert md["keywords"] == {"es": ["cangrejo violinista", "salinas", "marismas"],
                              "en": ["fiddler crab", "salt pans", "salt marshes"]}


@pytest.mark.parametrize(("text", "items"), [
    ("Schlüsselwörter Lastenrad · Kommunale Logistik · Letzte Meile", ["Lastenrad", "Kommunale Logistik", "Letzte Meile"]),
    ("Ключови думи: парични преводи; трудова миграция", ["парични преводи", "трудова миграция"]),
    ("Кључне речи: миграција, развој", ["миграција", "развој"]),
    ("Клучни зборови: миграција, развој", ["миграција", "развој"]),
])
def test_keyword_cues_of_the_other_allowed_languages_and_a_dotted_list_without_a_colon(text: str,
                                                                                      items: list[str]) -> None:
    from pipeline.metadata.keywords_abstract import find_cues, split_keywords

    [part] = find_cues(text)
    assert part.kind == "keywords" and split_keywords(text[part.start:part.end])[0] == items


def test_one_keyword_a_line_under_a_cue_alone() -> None:
    doc = make_doc([("heading", "Reading to a dog and reading fluency in primary school"), ("heading", "Keywords"),
                    ("heading", "Reading fluency"), ("heading", "Animal-assisted intervention"),
                    ("heading", "Cluster randomised trial"), ("heading", "Similar content being viewed by others"),
                    LONG_EN])
    assert run(doc)["keywords"] == {"en": ["Reading fluency", "Animal-assisted intervention", "Cluster randomised trial"]}


def test_a_keyword_list_on_one_line_under_a_cue_alone_stays_one_list() -> None:
    doc = make_doc([("heading", "Reading to a dog and reading fluency in primary school"), ("heading", "Keywords"),
                    "reading fluency, dogs, motivation", ("heading", "Methods"), LONG_EN])
    assert run(doc)["keywords"] == {"en": ["reading fluency", "dogs", "motivation"]}


def test_a_structured_abstract_starts_under_its_first_section_heading() -> None:
    doc = make_doc([("heading", "Reading to a dog and reading fluency in primary school"), ("heading", "Abstract"),
                    ("heading", "Background"),
                    "Canine-assisted reading programmes have become popular in primary schools, but evidence is thin.",
                    ("heading", "Methods"), LONG_EN])
    assert run(doc)["abstract"]["en"].startswith("Canine-assisted reading programmes")


@pytest.mark.parametrize(("text", "want"), [
    ("Цель. Оценить распространенность дефицита витамина B12.", "Оценить распространенность дефицита витамина B12."),
    ("Aim. To assess the prevalence of vitamin B12 deficiency.", "To assess the prevalence of vitamin B12 deficiency."),
    ("Background: Reading programmes are popular.", "Reading programmes are popular."),
    ("Мета дослідження: Визначити чинники.", "Визначити чинники."),
    # Not a label: the word opens the sentence, or what follows is not a new sentence.
    ("Aims and scope of the journal are broad.", "Aims and scope of the journal are broad."),
    ("Purpose: to see what happens.", "Purpose: to see what happens."),
    ("The aim. Of this paper is odd.", "The aim. Of this paper is odd."),
])
def test_clean_abstract_drops_a_structured_abstracts_first_label(text: str, want: str) -> None:
    assert clean_abstract(text) == want


@pytest.mark.parametrize(("text", "kind", "lang"), [
    ("ÖZ", "abstract", "tr"), ("Anahtar Kelimeler: iklim değişikliği, fındık", "keywords", "tr"),
    ("Аңдатпа. Мақалада", "abstract", "kk"), ("Түйін сөздер: сауда, шекара", "keywords", "kk"),
])
def test_turkish_and_kazakh_cues(text: str, kind: str, lang: str) -> None:
    from pipeline.metadata.keywords_abstract import cue_language, find_cues

    (part,) = find_cues(text)[:1]
    assert part.kind == kind and cue_language(part.cue) == lang


@pytest.mark.parametrize("text", ["Özellikle bu çalışmada", "Öz şu anda"])
def test_a_word_starting_with_a_cue_is_no_cue(text: str) -> None:
    from pipeline.metadata.keywords_abstract import find_cues

    assert find_cues(text) == []


def test_a_keyword_list_ending_with_its_separator_goes_on_in_the_next_short_block() -> None:
    doc = make_doc([("heading", "Waiting for a Plot: Allotment Waiting Lists"), "Abstract " + LONG_EN,
                    ("heading", "Keywords Allotments · Social trust · Waiting lists · Urban green space ·"),
                    ("heading", "England"), ("heading", "Introduction"), LONG_EN])
    assert run(doc)["keywords"]["en"] == ["Allotments", "Social trust", "Waiting lists", "Urban green space", "England"]


def test_a_keyword_list_ending_without_a_separator_stops() -> None:
    doc = make_doc([("heading", "Waiting for a Plot: Allotment Waiting Lists"), "Abstract " + LONG_EN,
                    ("heading", "Keywords Allotments · Social trust · Waiting lists"), ("heading", "England"), LONG_EN])
    assert run(doc)["keywords"]["en"] == ["Allotments", "Social trust", "Waiting lists"]


@pytest.mark.parametrize(("text", "items"), [
    ("salt administration – smuggling – Grand Canal – county government", ["salt administration", "smuggling",
                                                                            "Grand Canal", "county government"]),
    ("Russia – China relations", ["Russia – China relations"]),  # one dash: a keyword of its own
    ("a; b – c – d", ["a", "b – c – d"]),  # another separator first
])
def test_keywords_between_dashes(text: str, items: list[str]) -> None:
    from pipeline.metadata.keywords_abstract import split_keywords
    assert split_keywords(text)[0] == items


def test_keywords_under_the_abstract_take_its_language() -> None:
    from metadata_docs import make_doc, run
    de = ("Die Sennereigenossenschaften des Bregenzerwaldes entstanden zwischen 1885 und 1930 in fast jedem Dorf "
          "des Tals, und ihre Geschichte ist bis heute kaum erforscht worden.")
    md = run(make_doc([
        ("heading", [("de", "Genossenschaft statt Handelshaus")]),
        ("paragraph", [("en", "Abstract: Between 1885 and 1930 more than sixty village dairy co-operatives were "
                              "founded in the valley, and the article asks whether they freed the farmers.")]),
        # The list's own label is a guess from its German context.
        ("paragraph", [("de", "Keywords: dairy co-operatives; Vorarlberg; cheese trade; rural credit")]),
        ("paragraph", [("de", de)]),
    ]))
    assert md["keywords"] == {"en": ["dairy co-operatives", "Vorarlberg", "cheese trade", "rural credit"]}


_ABS_RU = ("Изучено естественное возобновление ели европейской под пологом производных березовых древостоев "
           "южной тайги на двенадцати пробных площадях, заложенных в насаждениях разного возраста и состава, и "
           "показано, что густота подроста зависит прежде всего от сомкнутости полога.")


@pytest.mark.parametrize(("above", "found"), [
    (_ABS_RU, True),
    # The citation line with the abstract run on after its DOI.
    ("Для цитирования: Гусельникова Н. Е. Возобновление ели // Известия. 2020. Вып. 231. С. 5–9. "
     "https://doi.org/10.21266/2079-4304.2020.231.5-9 " + _ABS_RU, True),
    ("Для цитирования: Гусельникова Н. Е. Возобновление ели // Известия. 2020. Вып. 231. С. 5–9.", False),
    ("Поступила в редакцию 14.02.2022 г.", False),
    ("Короткий абзац из одного предложения.", False),
])
def test_an_abstract_without_its_cue_right_above_the_keywords(above: str, found: bool) -> None:
    md = run(make_doc([
        ("heading", "ЕСТЕСТВЕННОЕ ВОЗОБНОВЛЕНИЕ ЕЛИ ПОД ПОЛОГОМ БЕРЁЗОВЫХ ДРЕВОСТОЕВ"),
        ("heading", "Н. Е. Гусельникова*, П. В. Ольховский"),
        above,
        "Ключевые слова: ель европейская, естественное возобновление, подрост.",
        ("heading", "Введение"),
        LONG_RU,
    ]))
    assert (md["abstract"].get("ru") == _ABS_RU) is found


_ABS_EN = ("Natural regeneration of Norway spruce under the canopy of secondary birch stands aged 30 to 75 years "
           "was studied on twenty four sample plots, and the number, height and age of the undergrowth were "
           "recorded on each of them.")


@pytest.mark.parametrize(("above", "lang", "want"), [
    # The English title in capitals and the article's reference (no cue) run into the abstract's block.
    ("NATURAL REGENERATION OF NORWAY SPRUCE UNDER THE CANOPY Guselnikova N.E. Natural regeneration. Izvestia, "
     "2020, is. 231, pp. 118–121. DOI: 10.21266/2079-4304.2020.231.118-121 " + _ABS_EN, "en", _ABS_EN),
    # The history run into the abstract's block, then the abstract's own cue.
    ("Отримано 14.03.2023 · Прийнято до друку 20.05.2023 · Опубліковано 30.06.2023 Анотація. " + _ABS_RU, "ru",
     _ABS_RU),
])
def test_an_abstract_run_on_after_a_reference_or_the_history(above: str, lang: str, want: str) -> None:
    cue = "Keywords: spruce, regeneration, undergrowth." if lang == "en" else "Ключевые слова: ель, подрост."
    md = run(make_doc([("heading", "ЕСТЕСТВЕННОЕ ВОЗОБНОВЛЕНИЕ ЕЛИ"), above, cue, ("heading", "Введение"), LONG_RU]))
    assert md["abstract"].get(lang) == want


def test_a_summary_cue_right_under_keywords_printed_first_opens_the_abstract() -> None:
    resumen = ("Las heladas tardías de primavera son la principal amenaza climática para los viñedos de altura del "
               "noroeste argentino, y este artículo analiza cómo los productores las perciben y enfrentan.")
    cuerpo = ("Los viñedos de altura de los valles ocupan laderas y terrazas entre los mil setecientos y los tres mil "
              "metros, donde las noches frías de primavera amenazan cada año los brotes nuevos de las cepas.")
    doc = make_doc(["Heladas tardías en viñedos de altura de los Valles Calchaquíes",
                    "Palabras clave: heladas, viticultura, conocimiento local", "Resumen", resumen, cuerpo, cuerpo])
    assert list(run(doc)["abstract"].values()) == [resumen]  # (make_doc labels Latin script "en")
    # Far into the text, a "Resumen" heading in the text's language is a section of the body.
    doc = make_doc(["Heladas tardías en viñedos de altura de los Valles Calchaquíes", "Resumen. " + resumen,
                    "Palabras clave: heladas, viticultura", cuerpo, cuerpo, cuerpo, "Resumen", cuerpo])
    assert list(run(doc)["abstract"].values()) == [resumen]  # (make_doc labels Latin script "en")


def test_an_english_block_after_the_russian_references_keeps_its_abstract() -> None:
    # Repair read the Russian list on to the English keywords: the English block's lines are marked
    # as entries. The paragraph right above the keywords is the English abstract, not an entry.
    abstract = ("The article examines how regional state radio stations turn their on-air programmes into podcasts. "
                "Three strategies are identified: direct archiving, editorial repackaging and original podcasts.")
    doc = make_doc(["Подкаст как формат регионального радиовещания", "Аннотация. " + LONG_RU, ("heading", "Литература"),
                    ("reference", "1. Кашина Д. В. Аудио по запросу. М.: Аспект Пресс, 2021. 240 с."),
                    ("reference", "For citation: Sukhorukova E. N. Podcast as a format of regional radio. Vestnik, 2023, "
                                  "vol. 18, pp. 61–66. https://doi.org/10.24183/vpu.2023.18.2.61 (In Russ.) " + abstract),
                    ("keywords", "Keywords: podcast, regional radio, audio platforms")])
    assert run(doc)["abstract"]["en"] == abstract


def test_an_abstract_under_its_cue_alone_with_the_keywords_run_into_its_block() -> None:
    from metadata_docs import LONG_EN, make_doc, run
    fr = ("Cet article exploite un corpus inédit de onze registres tenus par des sages-femmes rurales du Morvan "
          "entre 1872 et 1914, soit plusieurs milliers d'accouchements consignés au jour le jour par elles.")
    doc = make_doc([("heading", "Accoucher au village : les registres de sages-femmes du Morvan"),
                    ("heading", "Résumé"),
                    ("paragraph", [("fr", fr), ("fr", "Mots-clés : sages-femmes, accouchement, Morvan")]),
                    LONG_EN, LONG_EN])
    meta = run(doc)
    assert meta["abstract"]["fr"] == fr
    assert meta["keywords"]["fr"] == ["sages-femmes", "accouchement", "Morvan"]


def test_long_marked_affiliations_do_not_end_the_front_matter_before_the_abstract() -> None:
    from metadata_docs import LONG_EN, make_doc, run
    pt = ("A leptospirose é uma zoonose de distribuição mundial na qual o cão atua como hospedeiro de manutenção "
          "de alguns sorovares e como sentinela da circulação de leptospiras no ambiente urbano brasileiro.")
    affiliations = ("1 Universidade Estadual do Triângulo, Programa de Pós-Graduação em Ciências Veterinárias, Uberaba, "
                    "MG, Brasil. 2 Instituto Federal do Cerrado, Campus Rio Verde, Rio Verde, GO, Brasil. 3 Laboratório "
                    "Central de Zoonoses, Secretaria Municipal de Saúde, Uberlândia, MG, Brasil.")
    doc = make_doc([("heading", "Leptospirose canina no Brasil: revisão integrativa"),
                    ("paragraph", "Ana Luíza Camargo Teixeira1*, Rafael Moreira Santana2, Beatriz Yumi Nakamura3"),
                    ("paragraph", [("pt", affiliations)]), ("heading", "Resumo"), ("paragraph", [("pt", pt)]),
                    ("paragraph", [("pt", LONG_EN)]), ("paragraph", [("pt", LONG_EN)])])
    meta = run(doc)
    assert meta["abstract"].get("pt") == pt
    assert meta["authors"][0]["affiliations"]


def test_a_news_pages_summary_over_its_key_points_is_no_abstract() -> None:
    from metadata_docs import LONG_EN, make_doc, run
    doc = make_doc([("heading", "Russian importers turn to yuan letters of credit"), ("heading", "Summary"),
                    "Chinese banks tighten checks on Russia-linked payments", "Importers report delays of up to several weeks",
                    "Letters of credit, netting schemes gain ground", LONG_EN, LONG_EN])
    assert run(doc)["abstract"] == {}
    # (An abstract cut short by the extraction, a longer block after it, stays.)
    doc = make_doc([("heading", "Radar observations of the Draconids"), ("heading", "Abstract"),
                    "Results of radar observations of the Draconid meteor shower carried out on October 7–10,",
                    LONG_EN, LONG_EN])
    assert run(doc)["abstract"]["en"].startswith("Results of radar observations")


@pytest.mark.parametrize(("rest", "found"), [
    # The list's last line, cut off as a block of its own, ends with a full stop.
    ("Vologda Region, Sukhona.", ["phosphorites", "Upper Jurassic", "condensed horizons", "Vologda Region", "Sukhona"]),
    ("It rained.", ["phosphorites", "Upper Jurassic", "condensed horizons"]),  # a sentence: not the list's
])
def test_a_keywords_list_ending_with_its_separator_goes_on_to_a_last_line_with_a_full_stop(
        rest: str, found: list[str]) -> None:
    doc = make_doc([("heading", "Phosphorites of the Upper Jurassic"), "Abstract. " + LONG_EN,
                    "Keywords: phosphorites, Upper Jurassic, condensed horizons,", rest, ("heading", "INTRODUCTION"),
                    LONG_EN])
    assert run(doc)["keywords"]["en"] == found


@pytest.mark.parametrize(("text", "want"), [
    # A summary opening with the article's title in its language, a full stop and a dash.
    ("Mill Law on the Upper Rivers: Disputes over Weirs. – Based on 58 lawsuits, the article examines mills.",
     "Based on 58 lawsuits, the article examines mills."),
    # A first sentence in lower case before a dash is the summary's own.
    ("We study rivers in the north. – This is the first such survey.", "We study rivers in the north. – This is the first such survey."),
    ("In 2020. – The results show a decline.", "In 2020. – The results show a decline."),
])
def test_a_summary_opening_with_the_title_and_a_dash(text: str, want: str) -> None:
    assert clean_abstract(text) == want
