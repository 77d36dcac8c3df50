"""Word classes the segmenter and the typing rules need: abbreviations, subjects, finite verbs, dates.

Small closed lists written from general knowledge of English, no corpus:
enough to tell "and it rained" (a new clause) from "bread and butter", and
"Dr. Smith" from the end of a sentence. A verb list can never be complete;
a missing verb only makes the segmenter split a little less.
"""

from __future__ import annotations

import re

# Words that never end a sentence when followed by a full stop (titles, Latin, months, ...).
ABBREVIATIONS = frozenset((
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "gov",
    "sen", "rep", "pres", "rev", "hon", "mt", "ft", "no", "nos", "vs", "etc", "e.g", "i.e", "cf", "approx",
    "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "fig", "figs", "vol", "pp", "p", "ca", "al", "dept", "univ", "est", "min", "max", "op", "ed", "eds",
))

# Subjects that open a clause ("and it rained", "as they say"): pronouns, determiners, quantifiers.
SUBJECTS = frozenset((
    "i", "you", "he", "she", "it", "we", "they", "one", "there", "this", "that", "these", "those", "the", "a",
    "an", "some", "many", "most", "all", "no", "none", "every", "each", "any", "several", "few", "such", "our",
    "their", "his", "her", "its", "my", "your", "nobody", "everyone", "everybody", "someone", "somebody",
    "anyone", "nothing", "everything", "something", "too", "more", "less", "much", "both", "who", "what",
    "people", "it's", "they're", "we're", "there's", "that's", "he's", "she's", "i'm", "you're",
))

STRONG_SUBJECTS = frozenset((
    "i", "you", "he", "she", "it", "we", "they", "there", "it's", "they're", "we're", "there's", "he's", "she's",
    "i'm", "you're", "that's", "this", "these", "those",
))
"""Subjects that open a clause on their own ("for it jeopardizes", "as they say")."""

CONTRACTED = ("n't", "'ll", "'re", "'ve", "'d", "'m")
"""Contracted auxiliaries: a word ending so is a finite verb ("it'll", "don't")."""

PERSONAL = frozenset(("i", "you", "we", "they", "he", "she"))
"""A personal pronoun followed by a word is a clause ("they pollute the air")."""
NOT_VERBS = frozenset(("and", "or", "to", "who", "that", "which", "all", "both", "too", "also", "alone", "themselves",
                        "ourselves", "himself", "herself", "myself", "yourself"))
"""Words after a personal pronoun that are no verb ("they and", "we all")."""


# Auxiliaries and modals, which most clauses carry.
_AUXILIARIES = (
    "is", "are", "was", "were", "has", "have", "had", "do", "does", "did", "can", "could", "will", "would",
    "shall", "should", "may", "might", "must", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't",
    "hadn't", "don't", "doesn't", "didn't", "can't", "cannot", "couldn't", "won't", "wouldn't", "shouldn't",
    "mustn't", "needn't",
)
# Common verbs in forms that are seldom nouns: third person singular and irregular past.
_VERBS_3SG = (
    "seems", "seem", "means", "makes", "leads", "gets", "goes", "comes", "gives", "takes", "needs", "wants",
    "knows", "becomes", "remains", "allows", "costs", "think", "thinks", "say", "says", "believe", "believes",
    "belongs", "opposes", "produces", "requires", "reveals", "suggests", "appears", "depends", "contains",
    "includes", "involves", "implies", "proves", "enables", "prevents", "ensures", "destroys", "deserves",
    "argues", "insists", "agrees", "disagrees", "refuses", "fails", "tends", "helps", "hurts", "harms",
    "exists", "occurs", "happens", "matters", "affects", "reduces", "improves", "creates", "provides",
    "protects", "threatens", "undermines", "rejects", "accepts", "denies", "advocates", "favours", "favors",
    "likes", "hates", "fears", "hopes", "expects", "intends", "tries", "manages", "jeopardizes", "jeopardises",
    "puts", "lets", "keeps", "holds", "brings", "shows", "finds", "feels", "looks", "lives", "works", "plays",
    "stays", "pays", "offers", "supports", "controls", "knew", "thought", "said", "went", "took", "gave",
    "made", "came", "saw", "found", "told", "became", "left", "felt", "brought", "began", "kept", "held",
    "stood", "meant", "lost", "paid", "met", "ran", "sent", "built", "spent", "fought", "won", "led", "grew",
    "drew", "wrote", "chose", "rose", "fell", "understood", "sought", "taught", "caught", "bought", "sold",
    "threw", "broke", "spoke", "drove", "got",
)
FINITE = frozenset(_AUXILIARIES + _VERBS_3SG)
"""Finite verbs that show a clause has started."""

IRREGULAR_PAST = frozenset(_VERBS_3SG[_VERBS_3SG.index("knew"):])
NOT_PAST = frozenset(("indeed", "hundred", "sacred", "naked", "wicked", "need", "speed", "seed", "feed",
                      "bred", "shed", "kindred", "beloved", "aged", "ragged", "rugged", "learned"))
"""Words ending in "ed" that are no past forms."""

_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
DATED = re.compile(
    r"\b(?:last|this|next|previous) (?:week|month|year|spring|summer|fall|autumn|winter|weekend)\b"
    r"|\b(?:yesterday|ago|recently|at the time|earlier this)\b|\bsince the (?:start|beginning|end)\b"
    r"|\bduring\b|\b(?:in|since|until|by) (?:1[89]|20)\d\d\b|\b(?:until|till) last\b"
    rf"|\b{_MONTH} (?:\d{{1,2}}|(?:1[89]|20)\d\d)\b|\b\d{{1,2}} {_MONTH}\b|\b(?:in|since|until|by) {_MONTH}\b",
    re.IGNORECASE)
"""A time expression that dates an event ("last month", "in 2008", "21 April", "during his reign")."""


def is_past(norm: str) -> bool:
    """True for an irregular past form or a regular one ("launched"; not "indeed")."""
    return norm in IRREGULAR_PAST or (len(norm) > 4 and norm.endswith("ed") and norm not in NOT_PAST)
