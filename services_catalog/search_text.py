"""Text analysis for service search: the same words for what is indexed and for what people type.

PostgreSQL's text search and SQLite's FTS5 both split text at spaces and punctuation, so a run of Chinese
characters (居民身份证换领) is one "word" to them and 身份证 never matches it. Here Chinese is segmented
with jieba in dictionary mode (no HMM guessing, so the same characters give the same words in an index
and in a query) with the domain words of synonyms.py added; the index gets the words and their
sub-words (jieba's search mode: 居民身份证 → 居民 身份 身份证 居民身份证). Latin text is lower-cased, split
into words and lightly stemmed ("pensions", "renewing" → "pension", "renew"). The result is words joined
by spaces, which both databases split back into exactly these words.

jieba is loaded lazily, once per process (about a second), quietly.
"""

import logging
import re
import threading
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from wagtail.search import index

from . import synonyms

_TOKENIZER = None
_TOKENIZER_LOCK = threading.Lock()

# CJK ideographs (with extension A and compatibility ideographs), and Latin letters with digits.
_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_RUNS = re.compile(rf"([{_CJK}]+)|([a-z0-9]+)")
_CJK_CHAR = re.compile(rf"[{_CJK}]")


def has_chinese(text):
    """Whether `text` has a Chinese character (the script, not the language: 護照 too)."""
    return bool(_CJK_CHAR.search(text))


_CONSONANT_PAIR = re.compile(r"([bcdfgkmnprtvz])\1$")

MAX_WORD_LENGTH = 64  # longer "words" are noise (or an attack); databases refuse very long ones
MAX_QUERY_CONCEPTS = 12
MAX_VARIANTS_PER_CONCEPT = 10


def tokenizer():
    """The process's jieba tokenizer with the domain words, loaded on first use."""
    global _TOKENIZER
    if _TOKENIZER is None:
        with _TOKENIZER_LOCK:
            if _TOKENIZER is None:
                import jieba

                jieba.setLogLevel(logging.WARNING)  # it logs its dictionary loading at DEBUG to stderr
                loaded = jieba.Tokenizer()
                loaded.initialize()
                for word in synonyms.DOMAIN_WORDS:
                    loaded.add_word(word)
                _TOKENIZER = loaded
    return _TOKENIZER


def normalise(text):
    """Full-width to half-width, compatibility forms folded, Traditional characters to Simplified (護照 → 护照, as
    people from Hong Kong, Macao and Taiwan type), lower case, control characters gone."""
    text = unicodedata.normalize("NFKC", str(text or ""))
    if has_chinese(text):
        text = _simplified().convert(text)
    return "".join(ch if ch.isprintable() else " " for ch in text).lower()


@lru_cache(maxsize=1)
def _simplified():
    """OpenCC's Traditional-to-Simplified converter (its phrase tables too: 臺灣 → 台湾), loaded once."""
    import opencc

    return opencc.OpenCC("t2s")


def pinyin_words(text):
    """Toneless pinyin of the Chinese words in `text` and of their parts, for the index (住房公积金提取 → zhufang,
    gongjijin, zhufanggongjijin, tiqu): what a phone keyboard that was not switched types. Only whole words, never a
    lone syllable, which English words would meet by accident ("chang" is "change" stemmed)."""
    from pypinyin import lazy_pinyin

    result = []
    for cjk, _latin in _RUNS.findall(normalise(text)):
        if cjk:
            result.extend("".join(lazy_pinyin(word)) for word in tokenizer().cut_for_search(cjk, HMM=False))
    return [word for word in dict.fromkeys(result) if _is_word(word)]


def stem(word):
    """A light English stemmer: plural, -ing, -ed and a final e go, so "renewing", "renewed", "renew"
    and "renews" meet, as do "licences" and "licence". Applied alike to indexed text and queries."""
    word = synonyms.LEMMAS_EN.get(word, word)
    if word.isdigit() or len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    word = synonyms.LEMMAS_EN.get(word, word)
    for suffix, min_length in (("ing", 6), ("ed", 5)):
        if word.endswith(suffix) and len(word) >= min_length:
            word = word[: -len(suffix)]
            if _CONSONANT_PAIR.search(word):
                word = word[:-1]
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


def _is_word(latin):
    """A run of Latin letters and digits worth indexing or searching: not a lone letter, not endless."""
    return (len(latin) > 1 or latin.isdigit()) and len(latin) <= MAX_WORD_LENGTH


def words(text, *, for_index=False):
    """The words of `text` in order. For the index, Chinese words come with their sub-words."""
    result = []
    for cjk, latin in _RUNS.findall(normalise(text)):
        if cjk:
            cut = tokenizer().cut_for_search if for_index else tokenizer().cut
            result.extend(word for word in cut(cjk, HMM=False) if word.strip())
        elif _is_word(latin):
            result.append(stem(latin))
    return result


def index_text(text):
    """What the search index stores for `text`: its words and sub-words, separated by spaces."""
    return " ".join(words(text, for_index=True))


class SegmentedSearchField(index.SearchField):
    """A SearchField whose text is indexed as segmented words (see index_text)."""

    def get_value(self, obj):
        value = super().get_value(obj)
        return index_text(value) if value else ""


class TitleSearchField(SegmentedSearchField):
    """A title, indexed as segmented words and as their pinyin (pinyin_words), stemmed as a query's Latin words are."""

    def get_value(self, obj):
        value = index.SearchField.get_value(self, obj)
        if not value:
            return ""
        return " ".join([index_text(value), *(stem(word) for word in pinyin_words(value))])


# Queries ------------------------------------------------------------------------------------------------


@dataclass
class Concept:
    """One thing the query asks for, with the ways a service page may say it.

    `variants` maps a tuple of words (all of which must appear) to how well it stands for the concept."""

    words: tuple
    variants: dict = field(default_factory=dict)
    weight: float = 1.0

    def add(self, variant, strength):
        variant = tuple(variant)
        if variant and strength > self.variants.get(variant, 0) and len(self.variants) < MAX_VARIANTS_PER_CONCEPT:
            self.variants[variant] = strength


@dataclass
class AnalysedQuery:
    text: str
    concepts: list

    @property
    def terms(self):
        """Every word any variant needs: what the full-text search looks for (any of them)."""
        seen = {}
        for concept in self.concepts:
            for variant in concept.variants:
                for word in variant:
                    seen.setdefault(word, None)
        return list(seen)


def _query_words(text):
    result = []
    runs = _RUNS.findall(normalise(text))
    for cjk, latin in runs:
        if cjk:
            result.extend(word for word in tokenizer().cut(cjk, HMM=False) if word.strip())
        elif _is_word(latin):
            result.append(latin)  # stemmed later, after stopwords and phrases are looked at
    syllables = [latin for cjk, latin in runs if latin]
    if len(syllables) > 1 and len(syllables) == len(runs) and all(_PINYIN_SYLLABLE.match(word) for word in syllables):
        return ["".join(syllables)]  # "hu zhao": one word's syllables typed apart, as the index holds it (huzhao)
    return result


# One toneless pinyin syllable (a little more than the real ones: that is enough to tell "hu zhao" from English).
_PINYIN_SYLLABLE = re.compile(
    r"^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|er|in|un|vn|ia|ie|iu|ua|uo|ui|ue"
    r"|ve|a|o|e|i|u|v)$"
)


def _phrase(text):
    """A synonym entry as the tuple of (stemmed) words a query or a page would contain."""
    return tuple(word if _CJK_CHAR.match(word) else stem(word) for word in _query_words(text))


@lru_cache(maxsize=1)
def _vocabulary():
    """Synonym groups and one-way expansions keyed by phrase (tuple of words); built on first use."""
    groups = {}
    for group in [*synonyms.SYNONYMS_ZH, *synonyms.SYNONYMS_EN]:
        phrases = [phrase for phrase in (_phrase(member) for member in group) if phrase]
        for phrase in phrases:
            groups.setdefault(phrase, [])
            groups[phrase].extend(other for other in phrases if other != phrase)
    expansions = {}
    for source, targets in [*synonyms.EXPANSIONS_ZH.items(), *synonyms.EXPANSIONS_EN.items()]:
        phrase = _phrase(source)
        if phrase:
            expansions.setdefault(phrase, []).extend(t for t in (_phrase(target) for target in targets) if t)
    longest = max(len(phrase) for phrase in [*groups, *expansions])
    return groups, expansions, longest


def _is_stopword(word):
    return word in synonyms.STOPWORDS_ZH or word in synonyms.STOPWORDS_EN


def _worth_searching_alone(word):
    return len(word) >= 2 if _CJK_CHAR.match(word) else len(word) >= 4 and not word.isdigit()


def _word_weight(phrase):
    text = "".join(phrase)
    if _CJK_CHAR.match(text) and len(text) == 1:
        return 0.5  # a single character (换, 证, 卡) says little on its own
    if text.isdigit():
        return 0.5
    return 1.0


def analyse(query):
    """Turn what someone typed into concepts: words and phrases with their synonyms and sub-words."""
    groups, expansions, longest = _vocabulary()
    raw = _query_words(query)
    stemmed = [word if _CJK_CHAR.match(word) else stem(word) for word in raw]
    concepts = []
    position = 0
    while position < len(raw):
        matched = None
        for length in range(min(longest, len(raw) - position), 0, -1):
            phrase = tuple(stemmed[position : position + length])
            if phrase in groups or phrase in expansions:
                matched = phrase
                break
        if matched is None:
            matched = (stemmed[position],)
            raw_word = raw[position]
            if _is_stopword(raw_word) or _is_stopword(matched[0]):
                concepts.append(Concept(words=matched, variants={matched: 1.0}, weight=0.0))
                position += 1
                continue
        concept = Concept(words=matched, weight=_word_weight(matched))
        concept.add(matched, 1.0)
        for other in groups.get(matched, ()):
            concept.add(other, 0.9)
        for other in expansions.get(matched, ()):
            concept.add(other, 0.85)
        if len(matched) == 1 and _CJK_CHAR.match(matched[0]) and len(matched[0]) >= 3:
            # A long word the pages may say in parts (出生证明 → 出生 + 证明).
            parts = _parts(matched[0])
            if len(parts) > 1:
                concept.add(parts, 0.8)
        concepts.append(concept)
        position += len(matched)
    meaningful = [concept for concept in concepts if concept.weight > 0]
    if not meaningful:
        # Nothing but stopwords: search for the ones with some content after all (办理, 申请, "apply"),
        # never for particles (的, 吗, "how", "to").
        meaningful = [
            Concept(words=c.words, variants=c.variants, weight=_word_weight(c.words))
            for c in concepts
            if _worth_searching_alone(c.words[0])
        ]
    return AnalysedQuery(text=query, concepts=_deduplicate(meaningful)[:MAX_QUERY_CONCEPTS])


@lru_cache(maxsize=4096)
def _parts(word):
    """The fewest dictionary words (two characters or more) that `word` is made of, single characters
    left out: 出生证明 → (出生, 证明)."""
    known = {part for part in tokenizer().cut_for_search(word, HMM=False) if part != word and len(part) >= 2}
    # best[i]: (cost, parts) for word[:i]; a dictionary part costs 1, a character left over costs 3.
    best = [(0, ())] + [None] * len(word)
    for end in range(1, len(word) + 1):
        cost, parts = best[end - 1]
        best[end] = (cost + 3, parts)
        for start in range(end - 1):
            if word[start:end] in known and best[start][0] + 1 < best[end][0]:
                best[end] = (best[start][0] + 1, best[start][1] + (word[start:end],))
    return best[-1][1]


def _deduplicate(concepts):
    seen, result = set(), []
    for concept in concepts:
        if concept.words not in seen:
            seen.add(concept.words)
            result.append(concept)
    return result


@lru_cache(maxsize=20000)
def title_units(title):
    """The units a title is made of, for how much of it a query covers: each Chinese character and each
    Latin word (stemmed, stopwords left out). Cached: titles change rarely."""
    text = normalise(title)
    units = []
    for cjk, latin in _RUNS.findall(text):
        if cjk:
            units.extend(cjk)
        elif latin not in synonyms.STOPWORDS_EN and _is_word(latin):
            units.append(stem(latin))
    return tuple(units)


def title_coverage(title, matched_words):
    """The share of the title's units that the matched words account for (0..1)."""
    units = title_units(title)
    if not units:
        return 0.0
    covered = [False] * len(units)
    sequence = "".join(unit if len(unit) == 1 and _CJK_CHAR.match(unit) else "\0" for unit in units)
    for word in matched_words:
        if _CJK_CHAR.match(word):
            start = sequence.find(word)
            while start != -1:
                for i in range(start, start + len(word)):
                    covered[i] = True
                start = sequence.find(word, start + 1)
        else:
            for i, unit in enumerate(units):
                if unit == word:
                    covered[i] = True
    return sum(covered) / len(units)
