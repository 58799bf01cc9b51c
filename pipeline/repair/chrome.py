"""Site chrome on scraped pages: what a site prints around every article, found by a small vocabulary
of web furniture *and* where the line stands, never by the vocabulary alone.

``web.find_boilerplate`` finds furniture by structure and repetition. Pages scraped from sites
that print their furniture once (a cookie notice, a newsletter box, a "Most read" list) and without
blank-line structure keep it. This pass reads each line against a documented multilingual
vocabulary of furniture kinds (``AD_LABEL``, ``COUNTER``, ``CREDIT``, ``SKIP_LINK``, ``CALL``,
``EMAIL_FIELD``, ``NOTICE``, ``COMMENTS``, ``HOME``/``SITE_WORDS``) and takes a line only where that
kind of furniture stands:

- the *core* of the page runs from its first to its last line of prose (``web.is_body``) that is not
  a notice (cookies, privacy, unsubscribe, rights reserved); a *terminal mark* (a comments header, a
  copyright line) ends the core early when at most half as much prose follows it as precedes it
  (a licence line at the top of a paper does not end it);
- anywhere outside prose: an advertisement label, a view/comment counter or reading time, a photo
  credit, a short call to subscribe or sign in, an e-mail field, links to the previous and next posts;
- between two paragraphs of the core: a newsletter box (the lines between the two paragraphs, when
  one of them is a call or an e-mail field), a "Label: Headline" pointer alone between blank lines
  (French spacing too), a short label heading two or more headlines (a related-articles list);
- the heading and text right above an e-mail field (title-like, or short and naming e-mail);
- "Label: Headline" pointers whose label heads two or more of them ("Read also: ...");
- in the head (before the core): a skip link, a notice and the buttons next to it, a link row, a
  share button (``BUTTON_WORDS``); a navigation menu (a link row or a run of
  four or more short items that names a home or site word) among the first lines, and the site's
  name and slogan above it;
- in the tail (after the core): every notice, call, counter, label-and-headlines list, the one-to-
  three-word buttons next to them, and everything from a terminal mark on.

Not in hard-wrapped text (PDF extractions), where a line is a piece of a paragraph.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Collection

from pipeline.repair.front import is_byline
from pipeline.repair.web import _LINK_SEP, _MD_HEADING, is_body, is_link_row, is_title_like
from pipeline.repair.web import _is_menu_item as is_button

__all__ = ["find_chrome"]

_I = re.IGNORECASE

# Advertisement labels, the whole line (case and decoration aside). "Advertising" is left out: it can
# head a section of an article about advertising.
AD_LABEL = re.compile(
    r"advertisements?|sponsored(?: content)?|paid (?:content|post)|anzeige|werbung|реклама|реклами|"
    r"publicit[ée]|publicidad|publicidade|pubblicit[àa]|reklama|inzerce|reklam|advertentie|publicitate|διαφ[ήη]μιση", _I)
# A view or comment counter, or a reading time: "Views: 1 284", "Комментарии (12)", "12 comments",
# "Temps de lecture : 5 min", "7 min read".
_COUNT = r"\d[\d \u00a0\u202f,.]*(?:[KkMmКк]\b|\s?тыс\.)?"  # (abbreviated or not: "8.3K", "12 тыс.")
_COMMENT_WORDS = (r"comments?|комментари\w*|коментар\w*|kommentare|commentaires|comentarios|comentários|commenti|"
                  r"komentarz\w*|пікірлер|yorumlar|yorum|reacties|reactie|komentáře|comentarii|σχ[όο]λια")
_COUNTED = (rf"views?|reads|shares|likes|accesses|downloads|citations|altmetric|{_COMMENT_WORDS}|skomentuj|komentuj|"
            r"просмотр\w*|переглядів|перегляд\w*|aufrufe|vues|visitas|visualiza\w*|visualizzazioni|wyświetle\w*|"
            r"odsłon\w*|қаралды|көрілді|görüntülenme|okunma|weergaven|zobrazení|vizualizări")
_READING = (r"reading time|read time|lesezeit|lesedauer|temps de lecture|tiempo de lectura|tempo de leitura|"
            r"tempo di lettura|czas czytania|время чтения|час читання|время прочтения|время на (?:про)?чтение|час на читання|"
            r"оқу уақыты|okuma süresi|"
            r"leestijd|doba čtení|timp de citire")
_MINUTES = r"min\w*|мин\w*|хв\w*"
COUNTER = re.compile(
    rf"(?:(?:number of|liczba|количество|кількість)\s+)?(?:{_COUNTED})\s*(?::\s*{_COUNT}|\(\s*{_COUNT}\s*\)|{_COUNT})"
    rf"|{_COUNT}\s+(?:{_COUNTED})"
    rf"|(?:{_READING})\s*:?\s*\d+\s*(?:{_MINUTES})\.?"
    rf"|\d+\s*(?:{_MINUTES})\.?\s+(?:read|reading|de lecture|de lectura|de leitura|di lettura|lesezeit|"
    rf"чтения|читання|czytania|на чтение|на прочтение|на читання)", _I)
# A photo credit: "Photo: Jane Doe/AP", "Фото: пресс-служба ...".
CREDIT = re.compile(
    r"(?:photos?|foto|fotos|фото|image|images|bild|credits?|illustration|иллюстрация|ілюстрація|"
    r"zdjęcie|fot\.|photograph)\s*:\s*\S|(?:photo(?:graph)?|picture|image|illustration)s? by\s", _I)
# The credit label straight before a name (two capitalised words): "Fot. Paweł Szulc / Opole Teraz".
_CREDIT_NAME = re.compile(r"(?:Photo|PHOTO|Foto|FOTO|Fot\.|Фото|ФОТО)\s+[^\W\d_][\w.’'-]*\s+[^\W\d_]")
# One-word share and action buttons of other languages than web.UI_WORDS holds.
BUTTON_WORDS = frozenset(
    "udostępnij skomentuj sdílet sdílej zdieľať compartilhe compartilhar condividi delen dela jaa paylaş megosztás "
    "поділитися поделиться копировать".split())
# A link to the content for screen readers and keyboards, at the top of a page.
SKIP_LINK = re.compile(
    r"(?:skip|jump) to (?:the )?(?:main )?(?:content|navigation|article)|(?:aller|passer) au contenu|"
    r"(?:direkt )?zum inhalt|перейти (?:к|до) (?:основному )?(?:содержимому|содержанию|контенту|вмісту|змісту)|"
    r"(?:saltar|ir) al contenido|(?:pular|ir) para o conteúdo|przejdź do (?:treści|zawartości)|"
    r"(?:vai|salta) al contenuto|přejít na obsah|(?:ga |direct )?naar (?:de )?(?:hoofd)?inhoud|"
    r"salt(?:ă|a) la conținut|μετάβαση στο (?:κύριο )?περιεχόμενο", _I)
# A call to subscribe, sign up, sign in or follow, at the start of a line.
CALL = re.compile(
    r"(?:subscribe|sign (?:up|in)|log ?in|register|follow us|get (?:our|the) newsletter|join (?:our|us)|"
    # (an account's buttons: "Create account", "Создать учётную запись")
    r"create (?:an |your )?account|создать (?:учётную запись|учетную запись|аккаунт)|створити (?:обліковий запис|акаунт)|"
    r"konto erstellen|créer (?:un )?compte|crear (?:una )?cuenta|criar (?:uma )?conta|crea (?:un )?account|"
    r"załóż konto|vytvořit účet|"
    # (a bookmark button, and a journal page's citation export: "Download citation", "Endnote/Zotero/Mendeley")
    r"add to (?:bookmarks|favou?rites)|добавить в (?:закладки|избранное)|додати (?:в|до) закладок|"
    r"download citation|descargar cita|baixar citação|télécharger la citation|скачать (?:цитату|ссылку)|"
    r"endnote/zotero/mendeley|"
    r"подпи\w*|підпи\w*|войти|войдите|увійти|увійдіть|зарегистрир\w*|"
    r"s'abonner|abonnez|abonne\w*|je m'inscris|inscri\w*|se connecter|connexion|"
    r"suscr[ií]b\w*|reg[ií]str\w*|iniciar sesión|assine|inscreva\w*|entrar|abbonati|iscriviti|accedi|"
    r"zapisz się|subskryb\w*|zaloguj\w*|abonnieren|anmelden|registrieren|newsletter|"
    r"abonneren|inloggen|aanmelden|registreren|přihlásit\w*|odebírat|abonează\w*|autentificare)\b", _I)
# An e-mail field's placeholder: "Enter your email", "Votre adresse e-mail".
EMAIL_FIELD = re.compile(r"e-?mail|correo|почт|пошт|adres\w* e-?mail", _I)
# Notices of the site: cookies and consent, privacy and terms, unsubscribing, rights reserved, the
# terms of reusing the site's material, the browser or JavaScript it asks for.
NOTICE = re.compile(
    r"cookie|куки|кукі|privacy policy|terms (?:of (?:use|service)|and privacy)|политик\w* конфиденциальности|"
    r"політик\w* конфіденційності|datenschutz|confidentialité|privacidad|privacidade|informativa sulla privacy|"
    r"unsubscribe|désinscri\w*|отписат\w*|відписат\w*|darse de baja|abbestellen|"
    r"all rights reserved|все права защищены|усі права захищен\w*|всі права захищен\w*|"
    r"tous droits réservés|alle rechte vorbehalten|todos los derechos reservados|todos os direitos reservados|"
    r"tutti i diritti riservati|wszelkie prawa zastrzeżone|alle rechten voorbehouden|všechna práva vyhrazena|"
    r"toate drepturile rezervate|privacyverklaring|privacybeleid|όλα τα δικαιώματα (?:διατηρούνται|κατοχυρωμένα)|"
    r"πολιτική απορρήτου|"
    r"(?:использовани\w*|використанн\w*|перепечатк\w*|передрук\w*) материал\w*|матеріал\w* сайту|"
    r"ссылка на (?:сайт|источник)|посилання на (?:сайт|джерело)|"
    r"newsletter|рассылк\w*|розсилк\w*|"
    r"(?:your|this|a|the) browser|browser version|javascript (?:is )?(?:disabled|required|turned off)|"
    r"(?:enable|activate) javascript|ваш браузер|браузер устарел|shareable link|"
    # "Нашли ошибку? Выделите текст и нажмите Ctrl+Enter": a keyboard shortcut is the site's.
    r"ctrl\s*\+\s*enter|"
    # A page's feedback widget ("Is this page useful?", "Report a problem with this page") and the
    # licence its whole content is under ("All content is available under the ... Licence").
    r"(?:is|was) this (?:page|article|information) (?:useful|helpful)|report a problem with this page|"
    r"был[аи]? ли эт(?:а|от|о) (?:страница|статья|материал|информация) полезн\w*|"
    r"war diese seite hilfreich|cette page vous a-t-elle été utile|¿?(?:le|te) ha resultado útil|"
    r"(?:all )?content is available under|"
    # An encyclopedia's tagline over the article: "From Openpedia, the free encyclopedia".
    r"^(?:from|материал из|матеріал з|aus|de|da|z) .{1,40}(?:free encyclopedia|свободной энциклопедии|"
    r"открытой энциклопедии|вільної енциклопедії|freien enzyklopädie|encyclopédie libre|enciclopedia libre|"
    r"enciclopedia libera|wolnej encyklopedii)|"
    # An editorial disclaimer under an opinion piece.
    r"views expressed (?:in this \w+ )?are (?:those of )?the authors?['’]?s?['’]? own|"
    r"do(?:es)? not necessarily (?:reflect|represent) (?:the )?(?:views?|position|opinions?|policy|official)|"
    r"мнение (?:автора|авторов) (?:может не совпадать|не обязательно совпадает)|"
    r"точка зрения (?:автора|авторов) может не совпадать|думка автора може не збігатися|"
    # A metered paywall's count ("You've read 3 of your 4 free articles this month").
    r"you['’]ve read \d+ of (?:your )?\d+ free|вы прочитали \d+ из \d+ бесплатн|free articles? (?:left|remaining)|"
    # An encyclopedia's maintenance notice over the article.
    r"this article needs additional citations|this article (?:has multiple issues|does not cite any sources)|"
    r"в этой статье не хватает ссылок на источники|текущая версия страницы пока не проверялась|"
    # A journal platform's own lines on an article's page (OJS): its credit, its statistics' state.
    r"(?:platform|plataforma|plateforme|piattaforma|платформа) (?:and|&|y|e|et|и) (?:workflow|flujo de trabajo|"
    r"fluxo de trabalho|flux de travail|flusso di lavoro|рабочий процесс) (?:by|por|par|da|от) ojs|"
    r"(?:download|downloads) data is not yet available|los datos de descargas todavía no están disponibles|"
    r"os dados de download ainda não estão disponíveis|данные о скачиваниях пока недоступны", _I)
_NOTICE_LOW = re.compile(NOTICE.pattern)
_COPYRIGHT = re.compile(r"^(?:©|\(c\)\s*(?:19|20)\d\d|copyright\s*(?:©|\(c\)|(?:19|20)\d\d))|(?:19|20)\d\d\s*©", _I)
# An update line: the cue, then the date and time it names (never the publication date).
UPDATED = re.compile(
    r"(?:(?:last )?updated(?: on)?|(?:this (?:page|article) was )?last (?:edited|modified|reviewed)(?: on)?|"
    r"последнее изменение|последняя правка|обновлено|обновлен[оа]?|оновлено|aktualisiert(?: am)?|mis à jour(?: le)?|"
    r"actualizado(?: el)?|atualizado(?: em)?|aggiornato(?: il)?|ostatnia modyfikacja|zaktualizowano|"
    r"aktualizacja|modifié le|última actualización|ultimo aggiornamento|жаңартылды|güncellendi|"
    r"güncelleme(?: tarihi)?|(?:laatst )?bijgewerkt(?: op)?|aktualizováno|actualizat(?: la)?|ενημερώθηκε|τελευταία ενημέρωση)\s*:?\s+\d", _I)
# A share box's label, then its buttons one a line.
SHARE = re.compile(
    r"(?:share(?: this)?(?: article| story| post| page)?(?: on)?|поделиться(?: в соцсетях)?|поділитися|"
    r"partager(?: cet article)?|compartir(?: este artículo)?|compartilhe|compartilhar|condividi|teilen|"
    r"artikel teilen|udostępnij|бөлісу|paylaş|deel(?: dit artikel)?|delen|sdílet|distribuie|κοινοποίηση|μοιραστείτε)\s*:?", _I)
# A tags or topics label, with its items on the line or one a line under it.
TAGS = re.compile(
    r"(?:tags?|topics|related topics|filed under|categories|категории|рубрики|категорії|kategorien|catégories|"
    r"categorías|categorie|kategorie|kategoriler|categorieën|"
    r"теги|тэги|метки|темы|теґи|мітки|теми|schlagwörter|themen|"
    r"étiquettes|mots-clés|sujets|etiquetas|temas|argomenti|tagi|tematy|тегтер|тэгтер|etiketler|schlagworte|"
    r"onderwerpen|trefwoorden|štítky|etichete|ετικέτες)", _I)
TAG_ITEM_WORDS = 3
TAG_BAR_ITEM_WORDS = 7
TAGS_LINE_CHARS = 300
# A short label and a count in brackets, a link under the article: "Galeria zdjęć (12)", "Photos (24)".
_COUNTED_LABEL = re.compile(r"[^\W\d_]+(?: [^\W\d_]+){0,2}\s*\(\d{1,4}\)")
# A page's top bar: the weather ("Ascoli Piceno 11°C", "−3°C") or exchange rates ("USD 448.12").
_TEMPERATURE = re.compile(r"[-−+]?\d{1,2}\s?°\s?[CF]\b")
_RATE = re.compile(r"\b(?:USD|EUR|RUB|GBP|CNY|KZT|UAH|PLN|CHF|JPY|BYN)\s?[\d.,]+\d")
# The buttons and links of a journal publisher's article page and of a blog's widgets, each the whole
# line: "Download PDF", "Cite this article", "Metrics details", "Reprints and permissions", "Google
# Scholar" under each reference, "Скачать статью", "Like Loading...".
PAGE_BUTTON = re.compile(
    r"(?:download (?:pdf|citation|references|article|full[- ]text(?: pdf)?|epub|ris|bibtex)|"
    r"(?:article )?google scholar|pubmed(?: central)?|crossref|cite this (?:article|paper)|"
    r"metrics(?: details)?|article metrics|reprints and permissions|rights and permissions|"
    r"get shareable link|copy to clipboard|explore content|publish with us|submit (?:a )?manuscript|rss feed|"
    r"check for updates|view (?:full )?article|full text|html full text|export citations?|add to mendeley|"
    r"скачать(?: pdf| статью| полный текст)?|читать онлайн|цитировать|экспорт цитаты|"
    r"завантажити(?: pdf| статтю)?|цитувати|"
    r"(?:like|curtir|me gusta|j'aime|gefällt mir|нравится|подобається|mi piace|lubię to)?\s*"
    r"(?:loading|carregando|cargando|chargement|wird geladen|загрузка|завантаження|caricamento|ładowanie)"
    r"\s*(?:\.{1,3}|…)?)", _I)
# A press release's contact label, the whole line; the name, role, e-mail and telephone follow it.
MEDIA_CONTACT = re.compile(
    r"(?:media|press|news)(?: (?:contacts?|enquiries|inquiries|office|relations))|for (?:media|press) (?:enquiries|inquiries)|"
    r"контакты для (?:сми|прессы)|пресс-служба|контакти для (?:змі|преси)|contact (?:presse|média)|"
    r"kontakt (?:dla mediów|für (?:medien|die presse))|pressekontakt|contatti stampa|contacto (?:de )?prensa|"
    r"contato (?:para|de) imprensa", _I)
CONTACT_LINES = 5
# The heading of a web page's box on its author under the article, and the short bio right under it
# (at most BIO_LINES lines of at most BIO_WORDS words).
ABOUT_AUTHOR = re.compile(
    r"about the (?:authors?|writer)|об авторе|об авторах|про автора|про авторів|über (?:den autor|die autorin|"
    r"die autoren)|zu[mr] autor(?:in)?|à propos de l['’]aut(?:eur|eure|rice)|sobre (?:el autor|la autora|o autor|a autora)|"
    r"acerca del autor|sull['’]autore|sull['’]autrice|o autorze|o autorce|o autorovi|autor(?:ka)? туралы|автор туралы|"
    r"yazar hakkında", _I)
BIO_LINES = 2
BIO_WORDS = 90
# A news ticker's label before its headline, at the start of a line in the page's head.
TICKER = re.compile(
    r"(?:breaking(?: news)?|just in|latest news|ultim'ora|ultim’ora|ultima ora|срочно|молния|терміново|"
    r"eilmeldung|dernière minute|flash info|última hora|últimas notícias|pilne|z ostatniej chwili)\b"
    r"(?P<sep>\s*[:|—–-]\s*|\s{2,}|\s+)\S", _I)
# A site's contact and company details under the article: telephone, postal address, registration
# numbers ("tel. 15 832 10 00", "ul. Mickiewicza 14, 27-600", "NIP 864-000-00-00, REGON ...").
CONTACT = re.compile(
    r"(?:^|\s)(?:tel|phone|fax|тел|телефон|telefon|téléphone|teléfono)\.?\s*:?\s*\+?[\d(]|"
    r"\b(?:nip|regon|krs|инн|огрн|кпп|єдрпоу|vat(?: no\.?| number)?|company no\.?|registered in england)\b|"
    r"(?:^|\s)(?:ul\.|ulica|ул\.|вул\.|str\.|straße|rue|via|calle)\s+\S+\s+\d", _I)
# Links to the blog's previous and next posts.
POST_NAV = re.compile(
    r"(?:(?:previous|next|older|newer) (?:post|entry|article)|предыдущая запись|следующая запись|"
    r"попередній запис|наступний запис|article (?:précédent|suivant)|(?:entrada|artículo) (?:anterior|siguiente)|"
    r"(?:post|artigo) anterior|próximo (?:post|artigo)|(?:vorheriger|nächster) (?:beitrag|artikel)|"
    r"articolo (?:precedente|successivo)|(?:poprzedni|następny) (?:wpis|artykuł)|"
    # (the words alone, both of them on the line: "<< Предыдущая: ... | Следующая: ... >>")
    r"(?:previous|предыдущая|предыдущий|попередня|попередній)\s*:.*\|\s*(?:next|следующая|следующий|наступна|наступний)\s*(?=:))"
    r"(?=\s*(?:[:»«←→–-]|$))", _I)  # (then a colon, an arrow or the line's end: "the next post office" is prose)
_POST_NAV_WORDS = ("previous", "next", "older", "newer", "запис", "article", "entrada", "artículo", "post",
                   "artigo", "beitrag", "artikel", "articolo", "wpis", "artykuł", "предыдущ", "попередн")


def _may_be_post_nav(text: str) -> bool:
    """Whether ``text`` holds a word every ``POST_NAV`` match holds (a cheap test before the pattern)."""
    low = text.lower()
    return any(w in low for w in _POST_NAV_WORDS)


# A comments section's header: "Comments", "Комментарии (12)", "12 comments".
COMMENTS = re.compile(
    rf"(?:{_COMMENT_WORDS})(?:\s*\(\s*{_COUNT}\s*\)|\s*:?\s*{_COUNT})?|(?:skomentuj|komentuj)\s*\(\s*{_COUNT}\s*\)"
    rf"|{_COUNT}\s+(?:{_COMMENT_WORDS}):?", _I)
# "12 comments on “<the headline>”": the header names the article.
_COMMENTS_ON = re.compile(rf"{_COUNT}\s+(?:{_COMMENT_WORDS})\s+(?:on|to|em|en|sur|zu|su|к|до|do)\s+\S", _I)
# The comment form's heading, at the start of its line.
LEAVE_COMMENT = re.compile(
    r"(?:leave|post|add|write) a (?:comment|reply)|deixe um comentário|deja un comentario|laisser un commentaire|"
    r"schreibe einen kommentar|lascia un commento|dodaj komentarz|(?:оставить|оставьте|написать|напишите) комментарий|"
    r"(?:залишити|залиште|написати|напишіть) коментар|пікір қалдыру|yorum (?:yaz|yap|bırak)\w*", _I)
# A menu's first item (home) and other words only a site's own menu holds.
HOME = re.compile(r"home|home ?page|startseite|главная|головна|accueil|inicio|início|strona główna|úvod|domů|"
                  r"басты бет|ana ?sayfa|startpagina|voorpagina|acas[ăa]|pagina principal[ăa]|αρχική(?: σελίδα)?", _I)
# The word "search" in the allowed languages (a menu's item, a search box's placeholder).
_SEARCH_WORDS = r"search|поиск|пошук|suche|recherche|buscar|pesquisar|cerca|szukaj|hledat|іздеу|zoeken"
SITE_WORDS = re.compile(
    rf"\b(?:{_SEARCH_WORDS}|menu|меню|contacts?|контакты|контакти|"
    r"kontakt|contacto|contato|contatti|about us|о нас|про нас|impressum|à propos|байланыс|iletişim|"
    r"over ons|o nás|c[ăa]utare|despre noi|αναζήτηση|επικοινωνία)\b", _I)

# Small words a headline in title case capitalises ("Home Office Minister Resigns Over Visa Row") and a
# menu of section names does not hold.
_TITLE_CASE_SMALL = frozenset(
    "a an the and or but of in on at to for from by with over under into after before as is are was "
    "new how why what who de la le les des du et en el los las y del da do dos das e di il und der die das "
    "im für mit в на и с по за".split())
_DECOR = " \t-–—_*#[](){}|:•·"
_MARKS = " \t-–—_*#|•·"  # (a counter's brackets are its own)
_REFERENCE = re.compile(r"https?://|\bdoi\b|\((?:19|20)\d\d[a-z]?\)|\bet al\b|\d\s*[-–]\s*\d+\.?$", _I)
_LIST_NUMBER = re.compile(r"^\d{1,2}[.)]\s+")
# A news feed's stamp before its headline: a clock time, a day ("вчера", "Yesterday") or a date
# before it or not: "вчера, 14:20 ", "17 марта, 09:12 ", "08.05.2024 10:05 ".
_FEED_STAMP = re.compile(r"^(?:[^\W\d_]+,?\s+|\d{1,2}(?:[./]\d{1,2}[./]\d{2,4}|\s+[^\W\d_]+\.?),?\s+)?\d{1,2}:\d\d\s+")
# A pointer: a one-to-three-word label, a colon (maybe after a space, French style), a headline.
_POINTER = re.compile(r"^([^\W\d_][^\W\d_'’]*(?: [^\W\d_'’]+){0,2})\s?[:：]\s+(\S.*)$")
# Most words a notice or a call may have and still be the site's, not the article's.
NOTICE_WORDS = 45
CALL_WORDS = 25
# A consent dialog among the page's first three or last five lines may have this many words.
EDGE_NOTICE_WORDS = 100
EDGE_LINES = (3, 5)
# Most lines a newsletter box between two paragraphs has (heading, text, field, button, terms).
BOX_LINES = 6


def _bare(text: str) -> str:
    """The line without decoration around it: "— Advertisement —" -> "Advertisement"."""
    return text.strip(_DECOR)


def _words(text: str) -> int:
    return len(text.split())


def is_ad_label(text: str) -> bool:
    """An advertisement label as the whole line.

    >>> is_ad_label("— ADVERTISEMENT —"), is_ad_label("Реклама"), is_ad_label("Advertising")
    (True, True, False)
    """
    return AD_LABEL.fullmatch(_bare(text)) is not None


def is_counter(text: str) -> bool:
    """A view or comment counter or a reading time as the whole line.

    >>> is_counter("Переглядів: 1 284"), is_counter("7 min read"), is_counter("Опубліковано: 12.03.2024")
    (True, True, False)
    """
    t = text.strip(_MARKS)
    return len(t) <= 40 and (COUNTER.fullmatch(t) is not None or _is_pictograph_counter(t)
                             or _RATING.fullmatch(t) is not None or _NUMBERS_ONLY.fullmatch(t) is not None)


# A rating: stars, the score and the count of votes ("★★★★★ 4,8 (126 оценок)", "⭐ 4.5/5").
_RATING = re.compile(r"[★☆✩✭⭐]{1,5}\s*\d+(?:[.,]\d+)?(?:\s*/\s*\d+)?(?:\s*\(\s*\d[\d \u00a0,.]*\s*[^\W\d_]*\s*\))?")
# Numbers set apart by bullets or dots and nothing else: a user's reputation and badges ("1,204●3●14●27").
_NUMBERS_ONLY = re.compile(r"\d[\d,.]*(?:\s*[●•·◆♦]\s*\d[\d,.]*){2,}")
# A link to download a file, its format and size in brackets ("Télécharger le communiqué (PDF, 142 Ko)").
_DOWNLOAD = re.compile(r".{3,120}\((?:pdf|docx?|xlsx?|odt|ods|zip|rtf|csv|epub)\s*[,–-]\s*\d+(?:[.,]\d+)?\s*"
                       r"(?:[kmg]o|[kmg]i?b|кб|мб|kb|mb)\)\s*", _I)
# A search box's placeholder: "Suche in diesem Thema …", "Search this site...", "Поиск по сайту…".
_SEARCH_FIELD = re.compile(rf"(?:{_SEARCH_WORDS}|rechercher|найти|ara)\b.{{0,40}}(?:…|\.\.\.)", _I)
# A page's language switcher, its count of languages: "13 languages", "8 языков".
_LANGUAGE_COUNT = re.compile(r"\d{1,3}\s+(?:languages?|языка|языков|мови|мов|sprachen|langues|idiomas|lingue|języków|jazyků)", _I)
# A list's page count: "Seite 1 von 3", "Page 2 of 7", "Страница 1 из 5" (with the count of posts or not).
_PAGINATION = re.compile(r"(?:.{0,30}[•·|]\s*)?(?:page|seite|страница|сторінка|página|pagina|strona|strana|sayfa)\s+"
                         r"\d+\s+(?:of|von|из|з|de|di|z|od|/)\s+\d+", _I)


def is_download_link(text: str) -> bool:
    """``"Télécharger le communiqué (PDF, 142 Ko)"`` -> True; ``"The report (PDF) is online."`` -> False"""
    return len(text) <= 160 and _DOWNLOAD.fullmatch(text.strip()) is not None


def is_search_field(text: str) -> bool:
    """``"Suche in diesem Thema …"`` -> True; ``"Search and rescue teams arrived."`` -> False"""
    return len(text) <= 60 and _SEARCH_FIELD.fullmatch(text.strip()) is not None


def is_pagination(text: str) -> bool:
    """``"5 Beiträge • Seite 1 von 1"`` -> True; ``"Page 3 of the report lists them."`` -> False"""
    return len(text) <= 60 and _PAGINATION.fullmatch(text.strip()) is not None


def is_language_count(text: str) -> bool:
    """A page's count of its languages (its language switcher): ``"13 languages"`` -> True;
    ``"3 languages spoken in the valley"`` -> False"""
    return len(text) <= 60 and _LANGUAGE_COUNT.fullmatch(text.strip()) is not None


# (One number a token, one separator in it at most: "📅 12.03.2024" is a date.)
_COUNT_ONLY = re.compile(r"\d+(?:[.,]\d+)?[KkMmКк]?$")


def _is_pictograph_counter(text: str) -> bool:
    """Counters shown as pictographs and numbers, nothing else: ``"👍 412   ❤️ 156"``, ``"👁 8.3K"`` -> True;
    ``"🔥 Hot deals"`` -> False."""
    counts = pictographs = 0
    for token in text.split():
        if _COUNT_ONLY.match(token):
            counts += 1
        elif all(unicodedata.category(c) in ("So", "Mn", "Cf") for c in token):  # (with its variation selector)
            pictographs += 1
        else:
            return False
    return counts >= 1 and pictographs >= 1


def is_credit(text: str) -> bool:
    """A photo credit line: a credit label and a colon (or "Photo by"), at most twelve words.

    >>> is_credit("Фото: пресс-служба музея"), is_credit("Photo by Jane Doe"), is_credit("Photos show that the river rose.")
    (True, True, False)
    >>> is_credit("Fot. Paweł Szulc / Opole Teraz"), is_credit("Фото показывает реку")
    (True, False)
    """
    t = text.strip()
    if _words(t) > 12:
        return False
    m = _CREDIT_NAME.match(t)
    return CREDIT.match(t) is not None or (m is not None and m.group(0).split()[1][:1].isupper())


def is_skip_link(text: str) -> bool:
    """A skip link: "Skip to main content", at most six words.

    >>> is_skip_link("Skip to main content"), is_skip_link("Skip to the end of the story, she said.")
    (True, False)
    """
    t = _bare(text)
    return _words(t) <= 6 and SKIP_LINK.match(t) is not None


def is_call(text: str, max_words: int = CALL_WORDS) -> bool:
    """A call to subscribe, sign up, sign in or follow: the call in the line's first three words.

    >>> is_call("Sign up for our weekly newsletter"), is_call("Подписывайтесь на нас в Telegram")
    (True, True)
    >>> is_call("Researchers who sign up for the trial are paid.")
    False
    """
    t = _bare(text)
    if not t or _words(t) > max_words:
        return False
    head = " ".join(t.split()[:3])
    m = CALL.search(head)
    return m is not None and (m.start() == 0 or t.split()[0].lower() in ("our", "notre", "наш", "наша", "unser"))


def is_email_field(text: str) -> bool:
    """An e-mail field's placeholder: at most five words naming e-mail, no address, no sentence.

    >>> is_email_field("Enter your email"), is_email_field("Votre adresse e-mail"), is_email_field("Email: a@b.org")
    (True, True, False)
    """
    t = text.strip()
    return _words(t) <= 5 and "@" not in t and is_title_like(t) and EMAIL_FIELD.search(t) is not None


def is_notice(text: str, max_words: int = NOTICE_WORDS) -> bool:
    """A site notice: cookies, privacy, unsubscribing, rights reserved, reuse terms; at most ``max_words`` words.

    >>> is_notice("We use cookies to improve your experience."), is_notice("© 2024 Site Ltd. All rights reserved.")
    (True, True)
    """
    t = text.strip()
    # (The lower-case copy is searched without case folding: the same matches, for a third of the work
    # on the long lines of prose this is asked about.)
    return _words(t) <= max_words and (_NOTICE_LOW.search(t.lower()) is not None or is_copyright(t))


def is_copyright(text: str) -> bool:
    """A copyright line: it starts with ©, or with "(c)" or "Copyright" and a year, or holds a year then ©.

    >>> is_copyright("© 2016–2024 Site. All rights reserved."), is_copyright("(c) 2008-2023 News"), is_copyright("Copyright law")
    (True, True, False)
    """
    return _COPYRIGHT.search(text.strip()) is not None


def is_update_line(text: str) -> bool:
    """An update line: the cue, a date and maybe its time, at most twelve words.

    >>> is_update_line("Обновлено: 14 августа 2025, 19:05"), is_update_line("Aggiornato il 15 febbraio 2024 alle 09:12")
    (True, True)
    >>> is_update_line("Updated guidance was issued in 2023 after the floods hit the valley towns."), is_update_line("Updated")
    (False, False)
    """
    t = _bare(text)
    return _words(t) <= 12 and UPDATED.match(t) is not None


def is_share_label(text: str) -> bool:
    """A share box's label as the whole line.

    >>> is_share_label("Share this article"), is_share_label("Поделиться:"), is_share_label("Share the load")
    (True, True, False)
    """
    return SHARE.fullmatch(_bare(text)) is not None


def is_share_row(text: str) -> bool:
    """A share label and its buttons on one line, set apart by separators: "Share: Mastodon · Bluesky ·
    Hacker News · Copy link", "Teilen: Facebook | X | E-Mail".

    >>> is_share_row("Share: Mastodon · Bluesky · Hacker News · Copy link"), is_share_row("Share: the load, the costs")
    (True, False)
    """
    label, colon, rest = _bare(text).partition(":")
    if not colon or SHARE.fullmatch(label.strip() + ":") is None:
        return False
    items = [x.strip() for x in _SHARE_SEPARATORS.split(rest) if x.strip()]
    return 2 <= len(items) <= 10 and all(1 <= _words(x) <= 3 and x[0].isupper() and not any(map(str.isdigit, x))
                                         for x in items)


_SHARE_SEPARATORS = re.compile(r"\s*[·|•/]\s*|\s{2,}")


def tags_label(text: str) -> str | None:
    """``"alone"`` for a tags label standing alone ("Topics"), ``"line"`` for a label and its items on
    one line ("Теги: археология Псков клады"), else None.

    >>> tags_label("Topics"), tags_label("Tags: elections, turnout"), tags_label("Topics: what the study found and why it matters.")
    ('alone', 'line', None)
    """
    t = _bare(text)
    if TAGS.fullmatch(t):
        return "alone"
    label, colon, items = t.partition(":")
    if colon and TAGS.fullmatch(label.strip()) and items.strip() and not items.rstrip().endswith((".", "!", "?")) \
            and (_words(items) <= 20 or _short_items(items.split("|"))):
        return "line"
    return None


def _short_items(items: list[str]) -> bool:
    """Three or more items set apart by bars, none over TAG_BAR_ITEM_WORDS words (a wiki's categories)."""
    return len(items) >= 3 and all(1 <= _words(x) <= TAG_BAR_ITEM_WORDS for x in items)


def is_top_bar(text: str) -> bool:
    """A page's top bar: the weather with a date, a place or exchange rates beside it, or rates alone.

    >>> is_top_bar("Venerdì 8 marzo 2024 | Ascoli Piceno 11°C"), is_top_bar("Усть-Каменогорск −3°C   USD 448.12   EUR 485.60")
    (True, True)
    >>> is_top_bar("Heatwave brings 40°C to Madrid as officials warn of fires")
    False
    """
    t = text.strip()
    if _words(t) > 15 or t.endswith((".", "!", "?")):
        return False
    rates = len(_RATE.findall(t))
    return rates >= 2 or (_TEMPERATURE.search(t) is not None and (rates >= 1 or "|" in t or "   " in t))


def is_category_row(text: str) -> bool:
    """A page's section labels above its headline: two or three items in capitals, one or two words
    each, joined by a middle dot or a bar.

    >>> is_category_row("CULTURE · CRAFT"), is_category_row("НАУКА | ИСТОРИЯ"), is_category_row("Culture · Craft")
    (True, True, False)
    """
    t = text.strip()
    if len(t) > 60 or not t.isupper() or not ("·" in t or "|" in t):
        return False
    parts = [p.strip() for p in re.split(r"\s[·|]\s", t)]
    return 2 <= len(parts) <= 3 and all(1 <= _words(p) <= 2 and p[:1].isalpha() for p in parts)


def is_ticker(text: str) -> bool:
    """A news ticker: its label in capitals or set off (a colon, a bar, a dash, a wide gap), then a
    headline; at most 25 words.

    >>> is_ticker("ULTIM'ORA  Incidente sulla Salaria"), is_ticker("Breaking: Storm hits the coast")
    (True, True)
    >>> is_ticker("Breaking the silence on river pollution")
    False
    """
    t = text.strip()
    m = TICKER.match(t)
    if m is None or _words(t) > 25:
        return False
    label = t[: m.start("sep")]
    return m.group("sep").strip() != "" or len(m.group("sep")) >= 2 or label.isupper()


def is_contact_line(text: str) -> bool:
    """A site's contact or company line: a telephone, a street address, registration numbers; at most
    twenty words.

    >>> is_contact_line("tel. 15 832 10 00, e-mail: kancelaria@uph.example.edu.pl"), is_contact_line("NIP 864-000-00-00, REGON 000000000")
    (True, True)
    >>> is_contact_line("ul. Mickiewicza 14, 27-600 Sandomierz"), is_contact_line("He moved to the street in 1990.")
    (True, False)
    """
    t = text.strip()
    return _words(t) <= 20 and CONTACT.search(t) is not None


def is_comments_header(text: str) -> bool:
    """A comments section's header as the whole line.

    >>> is_comments_header("Комментарии (12)"), is_comments_header("12 comments"), is_comments_header("Comments are closed for this article")
    (True, True, False)
    >>> is_comments_header("6 comentários em “Quem poliniza o pequi?”"), is_comments_header("Deixe um comentário Cancelar resposta")
    (True, True)
    """
    t = text.strip(_MARKS)
    if len(t) <= 40 and COMMENTS.fullmatch(t) is not None:
        return True
    return _words(t) <= 30 and ((_COMMENTS_ON.match(t) is not None and not t.endswith(".")) or (_words(t) <= 6 and LEAVE_COMMENT.match(t) is not None))


def is_menu_line(text: str) -> bool:
    """A site menu on one line: a home word, then four or more items, each one or two capitalised
    words, joined by separators or by spaces alone.

    >>> is_menu_line("Главная Новости Общество Экономика Спорт"), is_menu_line("Home | News | Sport | Weather | Contact")
    (True, True)
    >>> is_menu_line("Басты бет Жаңалықтар Қоғам Экономика Спорт")
    True
    >>> is_menu_line("Home Office Minister Resigns Over Visa Row")
    False
    """
    t = _bare(text)
    # (The home item may be two words: "Басты бет", "Strona główna".)
    home = HOME.match(t)
    if home is None or (home.end() < len(t) and t[home.end()] not in " |/›»·"):
        return False
    if is_link_row(t):
        return True
    words = t[home.end():].split()
    return len(words) >= 4 and _menu_words(words)


def _menu_words(words: list[str]) -> bool:
    """Items separated by spaces alone: every word capitalised, none ends with punctuation, and none is
    a function word a headline in title case would hold."""
    return all(w[0].isupper() and w[-1].isalnum() and w.lower() not in _TITLE_CASE_SMALL for w in words)


def is_spaced_row(text: str) -> bool:
    """A row of buttons or links a scraper kept on one line with runs of spaces between them: three
    or more items of one to three words, no digits, none ending a sentence.

    >>> is_spaced_row("Alle akzeptieren   Nur notwendige   Einstellungen"), is_spaced_row("ҚАЗ   РУС   ENG")
    (True, True)
    >>> is_spaced_row("It rained.  Then it stopped.  The end."), is_spaced_row("Table 2  Yield  2019")
    (False, False)
    """
    t = text.strip()
    if len(t) > 120 or "  " not in t:
        return False
    items = _SPACED_ITEMS.split(t)
    return len(items) >= 3 and all(
        1 <= _words(p) <= 3 and len(p) <= 30 and not any(map(str.isdigit, p)) and not _ENDS_ITEM.search(p)
        for p in items)


def is_site_menu_row(text: str) -> bool:
    """A menu of five or more capitalised one-word items joined by spaces alone whose last item is a
    site's own (contact, search, sign in...): a headline in title case does not end so.

    >>> is_site_menu_row("Institut Forschung Transfer Karriere Presse Kontakt")
    True
    >>> is_site_menu_row("Home Office Minister Resigns Over Visa Row"), is_site_menu_row("Contact Tracing App Launches Nationwide")
    (False, False)
    """
    words = _bare(text).split()
    return len(words) >= 5 and _is_site_item(words[-1]) and _menu_words(words)


_SPACED_ITEMS = re.compile(r"\s{2,}")
_ENDS_ITEM = re.compile(r"[.!?,;:]$")


def is_headline(text: str) -> bool:
    """A teaser headline: three to twenty words, title-like, or a numbered entry of a list; not a
    reference (a year in brackets, "et al", a link, a page range at the end).

    >>> is_headline("Council approves new harbour ferry timetable"), is_headline("1. Storm warning issued for the coast")
    (True, True)
    >>> is_headline("Berg A. Ferries and islands. Island Studies 5 (2020) 1-10")
    False
    >>> is_headline("вчера, 14:20 В Карелии открыли тропу вокруг каньона")  # a news feed's, its stamp first
    True
    >>> is_headline("#storks #birds #census")  # a post's hashtags
    False
    """
    t = _FEED_STAMP.sub("", _LIST_NUMBER.sub("", text.strip()))
    words = t.split()
    return (3 <= len(words) <= 20 and (is_title_like(t) or t.endswith(("»", "”", '"'))) and not _REFERENCE.search(t)
            and not all(w[0] == "#" for w in words))


def _prose_chars(lines: list[str], idx: list[int]) -> int:
    return sum(len(lines[i]) for i in idx)


def find_chrome(lines: list[str], taken: Collection[int] = (), hard_wrapped: bool = False) -> dict[int, str]:
    """Line index -> reason ("advert", "counter", "credit", "navigation", "subscribe", "notice",
    "teaser", "comments", "footer", "bio") for the site chrome of a page (see the module's docstring).

    ``taken`` holds lines earlier passes took already (page furniture, web boilerplate): they are
    neither prose nor chrome here, but a navigation row among them still marks where the menu is.
    >>> page = ["Skip to main content", "Home | News | Sport | Culture", "Big story of the day",
    ...         "A long opening paragraph of the article that ends with a full stop here.", "Advertisement",
    ...         "A second long paragraph of the article which also ends with a full stop.",
    ...         "Most read", "Council approves new ferry timetable", "Storm warning issued for the coast",
    ...         "We use cookies to improve your experience on our site.", "Accept all"]
    >>> sorted(find_chrome(page, taken={1}).items())  # doctest: +NORMALIZE_WHITESPACE
    [(0, 'navigation'), (4, 'advert'), (6, 'teaser'), (7, 'teaser'), (8, 'teaser'), (9, 'footer'), (10, 'footer')]
    """
    out: dict[int, str] = {}
    if hard_wrapped:
        return out
    filled = [i for i, t in enumerate(lines) if t and not t.isspace()]
    pos = {i: k for k, i in enumerate(filled)}  # each filled line's place among them
    live = [i for i in filled if i not in taken]
    if not live:
        return out
    notices: dict[int, bool] = {}

    # A consent dialog at the very top or bottom of the page may run longer than a notice elsewhere.
    edges = set(filled[:EDGE_LINES[0]]) | set(filled[-EDGE_LINES[1]:])

    def notice(i: int) -> bool:
        if i not in notices:
            notices[i] = is_notice(lines[i], EDGE_NOTICE_WORDS if i in edges else NOTICE_WORDS)
        return notices[i]

    # The core: from the first to the last line of prose that is not a notice (a cookie notice or
    # the terms under a sign-up box read as prose).
    prose = [i for i in live if is_body(lines[i])]
    a, b = 0, len(prose)
    while a < b and notice(prose[a]):
        a += 1
    while b > a and notice(prose[b - 1]):
        b -= 1
    prose = prose[a:b]
    # A line of prose at the very top with the site's menu under it (a land acknowledgement, a
    # campaign banner) is the site's: the core starts under the menu.
    while len(prose) >= 2 and pos[prose[0]] < TOP_LINES and _menu_between(lines, filled[pos[prose[0]] + 1 : pos[prose[1]]]):
        out[prose[0]] = "notice"
        prose = prose[1:]
    if not prose:
        return out
    first, last = prose[0], prose[-1]
    # A terminal mark ends the core early when little prose follows it (comments under the article,
    # the copyright footer). (A comments header is at most 40 characters, and a copyright line holds
    # a © or opens with "(c)" or "Copyright": other lines are not read.)
    # (Lines taken already are read too: an earlier pass may have taken the comments header with the
    # comments, as a label repeated under each.)
    # (A comments header after the last prose line, the page's footer taken already, ends it too.)
    prose_set = set(prose)
    for i in filled:
        if i <= first or i in prose_set:
            continue
        t = lines[i]
        comments = len(t) <= 60 and is_comments_header(t)
        if comments or (("©" in t or t[:1] in "(Cc") and is_copyright(t) and _words(t) <= NOTICE_WORDS):
            before = _prose_chars(lines, [p for p in prose if p < i])
            after = _prose_chars(lines, [p for p in prose if p > i])
            if 2 * after <= before:
                prose = [p for p in prose if p < i]
                last = prose[-1]
                for x in live:
                    if x >= i:
                        out[x] = "comments" if comments else "footer"
                break
    prose_set = set(prose)

    # Anywhere but in prose: labels and counters of the site. (None of them is longer than 150
    # characters: longer lines are not read.)
    for i in live:
        t = lines[i]
        if i in out or i in prose_set or len(t) > 150:
            continue
        if is_ad_label(t):
            out[i] = "advert"
        elif is_counter(t):
            out[i] = "counter"
        elif is_credit(t):
            out[i] = "credit"
        elif is_email_field(t) or is_call(t, 8):
            out[i] = "subscribe"
        elif _words(t) <= 25 and _may_be_post_nav(t) and POST_NAV.search(t):
            out[i] = "navigation"
        elif is_update_line(t):
            out[i] = "updated"
        elif len(t) <= 60 and PAGE_BUTTON.fullmatch(_bare(t)):
            out[i] = "navigation"
    # A press contact: the label and the short lines right under it (name and role, e-mail, telephone).
    for k, i in enumerate(filled):
        if i in live and i not in prose_set and len(lines[i]) <= 60 and MEDIA_CONTACT.fullmatch(_bare(lines[i])):
            out[i] = "footer"
            for x in _lines_under(filled, k, CONTACT_LINES, lambda x: x not in prose_set and _words(lines[x]) <= 10):
                out.setdefault(x, "footer")
    # A box on the author under the article: its heading and the bio right under it (prose, but the
    # site's, printed under each of the author's pieces).
    for k, i in enumerate(filled):
        if i > first and i in live and len(lines[i]) <= 60 and ABOUT_AUTHOR.fullmatch(_bare(lines[i])):
            out[i] = "bio"
            for x in _lines_under(filled, k, BIO_LINES, lambda x: _words(lines[x]) <= BIO_WORDS):
                out.setdefault(x, "bio")
    # A share box and a tag list, wherever they stand outside prose: the label and the short lines
    # right under it (one button or tag a line).
    # (A wiki's category row, its items set apart by bars, runs to a few hundred characters.)
    for k, i in enumerate(filled):
        if i not in live or i in out or i in prose_set or len(lines[i]) > TAGS_LINE_CHARS:
            continue
        share = is_share_label(lines[i])
        tags = None if share else tags_label(lines[i])
        if tags == "line" or (not share and is_share_row(lines[i])):
            out[i] = "tags" if tags else "share"
            continue
        if not (share or tags):
            continue
        run = []
        for x in filled[k + 1 : k + 1 + BOX_LINES + 4]:
            if x - (run[-1] if run else i) != 1 or x in prose_set or _words(lines[x]) > (2 if share else TAG_ITEM_WORDS):
                break
            run.append(x)
        if share or len(run) >= 2:
            out[i] = "share" if share else "tags"
            for x in run:
                if x in live:
                    out.setdefault(x, "share" if share else "tags")

    # The gaps between paragraphs of the core: a newsletter box, a pointer, a related-articles list.
    gaps: list[list[int]] = []
    gap: list[int] = []
    for i in live:
        if first < i <= last:  # (the last line of prose closes the last gap)
            if i in prose_set:
                if gap:
                    gaps.append(gap)
                gap = []
            else:
                gap.append(i)
    # The heading and the text of a newsletter box stand right above its e-mail field: a title-like
    # line, or a short one naming e-mail (at most two lines up).
    for k, i in enumerate(filled):
        if k and len(lines[i]) <= 60 and i not in prose_set and is_email_field(lines[i]):
            for above in reversed(filled[max(0, k - 2) : k]):
                t = lines[above]
                if above not in live or not (is_title_like(t, 15) or (_words(t) <= CALL_WORDS and EMAIL_FIELD.search(t))
                                             or is_call(t)):
                    break
                out.setdefault(above, "subscribe")
    # "Read also: <headline>" pointers: a label that heads two or more of them is a site's, not a
    # subheading's.
    pointers: dict[int, str] = {}
    for i in live:
        if i not in prose_set and i not in out and ":" in lines[i] and (m := _pointer(lines[i])):
            pointers[i] = m
    labels = Counter(pointers.values())
    for i, label in pointers.items():
        if labels[label] >= 2:
            out[i] = "teaser"
    for g in gaps:
        rest = [i for i in g if i not in out]
        # (A box is a few lines: a longer gap holding a call is taken only line by line, above. And
        # its lines stand together: a heading after a blank line opens the next section.)
        box = _box_lines(lines, g) if len(g) <= BOX_LINES else []
        if box:
            for i in box:
                if i not in out and (_words(lines[i]) <= CALL_WORDS or notice(i)):
                    out[i] = "subscribe"
            # The terms under the box read as prose.
            for i in (live[live.index(box[0]) - 1], live[live.index(box[-1]) + 1]):
                if notice(i) and first < i < last:
                    out[i] = "subscribe"
            continue
        # (Standing alone between blank lines, as web.find_page_debris asks of its pointers: in a run
        # of lines, "Label: Headline" may be a subheading.)
        if len(rest) == 1 and len(g) == 1 and _alone(rest[0], lines) and _pointer(lines[rest[0]]):
            out[rest[0]] = "teaser"
            continue
        _teaser_list(lines, rest, out, before_prose=True)
    # A box's own sentence reads as prose: a short one with box lines right above and right under it.
    for i in prose:
        # (Right above and under: the line before and after, not across a blank line.)
        if out.get(i - 1) == "subscribe" and out.get(i + 1) == "subscribe" and _words(lines[i]) <= CALL_WORDS:
            out[i] = "subscribe"

    head = [i for i in live if i < first and i not in out]
    tail = [i for i in live if i > last and i not in out]
    # The head: skip links and notices; a navigation menu among the first lines and what stands above it.
    for i in head:
        t = lines[i]
        if notice(i):
            out[i] = "notice"
        elif is_top_bar(t) or is_ticker(t) or is_category_row(t):
            out[i] = "navigation"
        elif is_skip_link(t) or (is_button(t) and _is_site_item(t)) or is_link_row(t) or _bare(t).lower() in BUTTON_WORDS \
                or is_spaced_row(t) or is_site_menu_row(t) or is_menu_line(t):
            out[i] = "navigation"
    # The buttons of a consent dialog in the head, and its heading (at most six words) right above it.
    # (A copyright line is no dialog: above it stand a paper's authors.)
    notices_out = {x for x in out if out[x] == "notice" and not is_copyright(lines[x])}
    for i in head:
        if i in out:
            continue
        k = pos[i]
        # (The buttons: up to four words, the two lines under the dialog or the one above it.)
        button = is_title_like(lines[i], 4) and not any(map(str.isdigit, lines[i]))
        if (button and any(x in notices_out for x in filled[max(0, k - 2) : k + 2] if x != i)) or (
                k + 1 < len(filled) and filled[k + 1] in notices_out and is_title_like(lines[i], 6)):
            out[i] = "notice"
    for k, i in enumerate(filled[:4]):
        if i >= first:
            break
        if _is_menu(lines, filled, k):
            for x in filled[:k + 1]:
                if x not in taken:
                    out.setdefault(x, "navigation")
            break
    _spaced_menu(lines, head, filled, out)

    # The tail: notices, calls, lists and the buttons next to them.
    for i in tail:
        t = lines[i]
        if (notice(i) or is_call(t) or is_comments_header(t) or is_link_row(t) or _COUNTED_LABEL.fullmatch(t.strip())
                or is_contact_line(t)):
            out.setdefault(i, "footer")
    _teaser_list(lines, [i for i in tail if i not in out], out)
    # (A row of links after the lists: taken before them, it would part a list's label from its headlines.)
    for i in tail:
        if i not in out and (is_button(lines[i]) and _next_to(pos[i], out, filled) or _bare(lines[i]).lower() in BUTTON_WORDS
                             or is_spaced_row(lines[i])):
            out[i] = "footer"
    _menu_rest(lines, filled, first, taken, out)
    # Last, outside the prose, what no list took: a file's download link, a search box's placeholder, a
    # list's page count, a count of languages. (Taken earlier, a download link would part a list of
    # documents from its label.)
    for i in live:
        t = lines[i]
        if i not in out and i not in prose_set and (is_download_link(t) or is_search_field(t) or is_pagination(t)
                                                    or is_language_count(t)):
            out[i] = "navigation"
    # A byline is the article's, wherever it stands ("Автор: Ерлан Жумабаев" above the tags).
    return {i: why for i, why in out.items() if not is_byline(lines[i])}


# A run of lines in the head with at least this many lines, most of them taken, is a menu.
MENU_RUN_LINES = 4


def _menu_rest(lines: list[str], filled: list[int], first: int, taken: Collection[int], out: dict[int, str]) -> None:
    """The rest of a menu in the page's head: in a run of lines above the first paragraph (no blank
    line between them) of which more than half were taken already (by any rule: a label and its
    items, a contact item), the lines left that are menu items too (one to three words, no digits or
    sentence end). A side menu under a breadcrumb is taken piecemeal otherwise, and its last items
    read as the headline."""
    head = [i for i in filled if i < first]
    k = 0
    while k < len(head):
        j = k + 1
        while j < len(head) and head[j] == head[j - 1] + 1:
            j += 1
        run = head[k:j]
        k = j
        if len(run) < MENU_RUN_LINES:
            continue
        left = [i for i in run if i not in out and i not in taken]
        if left and 2 * len(left) < len(run) and all(is_button(lines[i]) for i in left):
            for i in left:
                out[i] = "navigation"


def _box_lines(lines: list[str], gap: list[int]) -> list[int]:
    """The lines of a newsletter box in a gap between paragraphs: each run of lines with no blank line
    between them that holds a call or an e-mail field (``[]`` when none does)."""
    runs: list[list[int]] = []
    for i in gap:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return [i for run in runs if any(is_call(lines[x]) or is_email_field(lines[x]) for x in run) for i in run]


def _pointer(text: str) -> str | None:
    """The label of a "Label: Headline" pointer (one to three words, a colon, a headline of two to
    fifteen words, three of them words of letters: "Published: 22 January 2025" is a date), in lower
    case; None for another line.

    >>> _pointer("Leia também: Cinco mitos sobre morcegos"), _pointer("Lire aussi : Prix des lecteurs"), _pointer("Note: it rained.")
    ('leia também', 'lire aussi', None)
    >>> _pointer("Published: 22 January 2025")
    """
    m = _POINTER.match(text.strip())
    if m and _words(m.group(2)) >= 2 and is_title_like(m.group(2), 15) and _words(m.group(1)) <= 3 \
            and sum(1 for w in m.group(2).split() if w.isalpha()) >= 3:
        return m.group(1).lower()
    return None


def _lines_under(filled: list[int], k: int, most: int, fits: Callable[[int], bool]) -> list[int]:
    """The lines right under ``filled[k]`` (a box's label), one after the other without a blank line, at
    most ``most`` of them, as long as each ``fits``."""
    run: list[int] = []
    prev = filled[k]
    for x in filled[k + 1 : k + 1 + most]:
        if x != prev + 1 or not fits(x):
            break
        run.append(x)
        prev = x
    return run


def _two_line_pointer(lines: list[str], idx: list[int], k: int, j: int) -> bool:
    """Whether ``idx[k:j]`` is a label ending with a colon and one line right under it (a headline), the
    two with blank lines (or the page's edge) right above and right under them."""
    a = idx[k]
    if j != k + 2 or idx[k + 1] != a + 1 or not lines[a].rstrip().endswith(":"):
        return False
    return _alone(a, lines, a + 1)


def _alone(i: int, lines: list[str], last: int | None = None) -> bool:
    """Whether line ``i`` (or lines ``i`` to ``last``) has blank lines (or the page's edge) on both sides."""
    j = i if last is None else last
    return not (i and lines[i - 1].strip()) and not (j + 1 < len(lines) and lines[j + 1].strip())


def _next_to(k: int, out: Collection[int], filled: list[int]) -> bool:
    """Whether the line before or after ``filled[k]`` (blank lines aside) was taken."""
    return (k > 0 and filled[k - 1] in out) or (k + 1 < len(filled) and filled[k + 1] in out)


# The page's first lines, where a site prints a banner above its menu.
TOP_LINES = 4


def _menu_between(lines: list[str], idx: list[int]) -> bool:
    """Whether the lines ``idx`` hold a site's menu: a one-line menu, a row of four links or more, or
    four one-to-three-word buttons in a row.

    ``["Students | Staff | Alumni | Library", "Apply now"]`` (as lines) -> True
    """
    run = 0
    for i in idx:
        t = lines[i].strip()
        if is_menu_line(t) or (is_link_row(t) and len(_LINK_SEP.split(t)) >= 4):
            return True
        run = run + 1 if is_button(t) else 0
        if run >= 4:
            return True
    return False


def _is_menu(lines: list[str], filled: list[int], k: int) -> bool:
    """Whether line ``filled[k]`` is a site menu: a one-line menu with a home word, or a link row
    of four or more items naming a home or site word."""
    t = lines[filled[k]].strip()
    if is_menu_line(t):
        return True
    if not is_link_row(t):
        return False
    items = [p.strip() for p in _LINK_SEP.split(t)]
    return len(items) >= 4 and any(_is_site_item(p) for p in items)


def _is_site_item(text: str) -> bool:
    """A menu item only a site's own menu holds: home, search, contact, subscribe, sign in...

    >>> _is_site_item("Головна"), _is_site_item("Se connecter"), _is_site_item("Culture"), _is_site_item("Гуменюк")
    (True, True, False, False)
    """
    t = _bare(text)
    return HOME.fullmatch(t) is not None or SITE_WORDS.search(t) is not None or CALL.match(t) is not None


# A menu this long is one without a site item among its buttons.
LONG_MENU = 6


def _spaced_menu(lines: list[str], head: list[int], filled: list[int], out: dict[int, str]) -> None:
    """A menu printed one item a line in the head: four or more buttons in a row (blank lines
    between them allowed), half of them one word, one of them a site item (or ``LONG_MENU`` of them
    or more); when it starts among the
    page's first four lines, what stands above it is the site's name and slogan."""
    k = 0
    while k < len(head):
        j = k
        while j < len(head) and is_button(lines[head[j]]) and (j == k or head[j] - head[j - 1] <= 2):
            j += 1
        run = head[k:j]
        # (Six buttons or more in a row need no site item: "Лента", "Политика", "Экономика", ...)
        if len(run) >= 4 and 2 * sum(1 for i in run if _words(lines[i]) == 1) >= len(run) and (
                len(run) >= LONG_MENU or any(_is_site_item(lines[i]) for i in run)):
            for i in head[: j] if run[0] in filled[:4] else run:
                out.setdefault(i, "navigation")
            return
        k = max(j, k + 1)


# A date alone on a line: "08.05.2024", "2024-05-08", "08.05.2024, 10:05".
_DATE_ONLY = re.compile(r"(?:\d{1,2}[./]\d{1,2}[./](?:19|20)?\d\d|(?:19|20)\d\d-\d\d-\d\d)(?:,?\s+\d{1,2}:\d\d)?")


def _teaser_list(lines: list[str], idx: list[int], out: dict[int, str], before_prose: bool = False) -> None:
    """A short label (one to five words) and two or more headlines under it, among ``idx``; or, with
    a colon, one headline right under it, the two alone between blank lines (a pointer on two lines).

    ``before_prose``: ``idx`` are the lines of a gap between paragraphs, the next paragraph right
    after the last of them. That line, set apart from the list by a blank line where the list's first
    item was not, is the next section's heading.
    """
    k = 0
    while k < len(idx):
        t = lines[idx[k]].strip()
        # (A markdown heading heads a section of a paper, not a list of links.)
        label = 1 <= _words(t) <= 5 and (is_title_like(t) or t.endswith(":")) and not any(map(str.isdigit, t)) \
            and not _MD_HEADING.match(t)
        j = k + 1
        heads = 0
        # (A teaser's date may stand on a line of its own above or under it: "08.05.2024".)
        while label and j < len(idx) and idx[j] - idx[j - 1] <= 3 and (
                (is_head := is_headline(lines[idx[j]])) or _DATE_ONLY.fullmatch(lines[idx[j]].strip())):
            heads += is_head
            j += 1
        # (What the list is without that line: still a list, or a pointer on two lines. Else the line
        # may be the list's last item, a blank line above it as above the rest.)
        if before_prose and j == len(idx) and j - k >= 3 and idx[j - 1] - idx[j - 2] > idx[k + 1] - idx[k]:
            shorter = heads - is_headline(lines[idx[j - 1]])
            if shorter >= 2 or (shorter == 1 and _two_line_pointer(lines, idx, k, j - 1)):
                j, heads = j - 1, max(shorter, 2)
        elif label and heads == 1 and _two_line_pointer(lines, idx, k, j):
            heads = 2
        if label and heads >= 2:
            for i in idx[k:j]:
                out.setdefault(i, "teaser")
            k = j
        else:
            k += 1
