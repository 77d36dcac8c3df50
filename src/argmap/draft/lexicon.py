"""The marker lexicon: English discourse markers, what each one signals, and where its relation points.

This is the one file a linguist reads to understand or extend the drafting
engine. Everything the engine knows about wording is here, as plain data;
the rules that use it (:mod:`argmap.draft.relations`) only ask "which
group does this phrase belong to". The lists are written from general
knowledge of English discourse markers, not taken from any corpus.

A **marker** is a word or phrase at the start of a unit (or, for a few
adverbs, anywhere in it) with a **function**:

``support``
    the unit is a reason for another statement ("because", "after all");
``conclusion``
    the unit is what the statements before it lead to ("therefore");
``contrast``
    the unit speaks against what came just before ("but", "however");
``concession``
    the unit grants a point against the author's claim ("admittedly",
    "although"): the opposing voice, which a ``contrast`` usually answers;
``example``
    the unit illustrates the statement before it ("for instance");
``addition``
    the unit is one more reason for the main claim ("besides", "moreover");
``sequence``
    the unit is one item of an enumeration ("first", "second", "finally");
``coordination``
    the unit is joined to the one before it and shares its role ("and").

and a **direction**, which unit its relation points to:

``before``
    the clause it is attached to, just before it in the same sentence
    ("X, because Y": Y supports X);
``after``
    the clause after it in the same sentence ("Because Y, X"; "Although Y, X");
``previous``
    the statement just before it, whatever the sentence ("After all, Y");
``main``
    the main claim of the paragraph (or of the text);
``earlier``
    the statements before it that have no place yet ("Therefore X");
``same``
    wherever the unit before it points (coordination, enumeration).

``where`` says where the marker may stand: ``start`` of a sentence, ``inside`` a sentence
(it then opens a new unit), or ``any``. Phrases are lower case with single spaces; the
longest phrase that matches wins, so "as a result" is a conclusion, not the premise "as".
To add a marker, add its phrase to the right group; to add a group, add a :class:`Group`.
"""

from __future__ import annotations

from dataclasses import dataclass

FUNCTIONS = ("support", "conclusion", "contrast", "concession", "example", "addition", "sequence",
             "coordination")
DIRECTIONS = ("before", "after", "previous", "main", "earlier", "same")
PLACES = ("start", "inside", "any")


@dataclass(frozen=True)
class Group:
    """Markers that work alike: one function, one direction, one place.

    ``clause`` says the marker opens a new unit inside a sentence only when a
    clause follows it (a subject and a verb), as "and" or "as" must:
    "bread and butter" is no new unit, "and it rained" is.
    """

    function: str
    direction: str
    where: str
    phrases: tuple[str, ...]
    why: str
    clause: bool = False


GROUPS: tuple[Group, ...] = (
    # ---------------------------------------------------------------- reasons
    # A reason given after what it supports, inside the same sentence: "X, because Y".
    Group("support", "before", "inside",
          ("because", "since", "as", "for", "given that", "seeing that", "insofar as",
           "inasmuch as", "considering that"),
          "premise follows the claim it supports", clause=True),
    # A reason put first, before the clause it supports: "Because Y, X"; "Since Y, X".
    Group("support", "after", "start",
          ("because", "since", "given that", "seeing that", "considering that", "considering", "in view of",
           "owing to", "due to"),
          "premise comes before the claim it supports"),
    # A reason given in a sentence of its own, pointing back: "X. After all, Y."
    Group("support", "previous", "start",
          ("after all", "the reason is", "the reason is that", "this is because", "that is because",
           "that's because", "this is so because", "for one thing", "indeed"),
          "premise gives the reason for the statement before it"),

    # ---------------------------------------------------------------- conclusions
    # What the statements before it lead to: "Y. Therefore X." The premises are the
    # statements before it that have no place yet, or else the one just before.
    Group("conclusion", "earlier", "any",
          ("therefore", "thus", "hence", "consequently", "accordingly", "as a result", "as a consequence",
           "for this reason", "for that reason", "for these reasons", "that's why", "that is why",
           "this is why", "which is why", "so", "so that", "it follows that", "we can conclude that",
           "in conclusion", "to conclude", "all in all", "in short", "in sum", "to sum up", "in brief",
           "in other words", "that is to say", "to put it another way", "this means that",
           "this shows that", "clearly then", "ergo"),
          "conclusion follows its premises"),

    # ---------------------------------------------------------------- opposition
    # Speaking against what came before. If an opposing voice (a concession) is open, this
    # answers it; otherwise it raises an objection to the main claim.
    Group("contrast", "previous", "any",
          ("but", "however", "yet", "still", "but still", "nevertheless", "nonetheless", "even so",
           "that said", "having said that", "on the contrary", "instead", "then again", "all the same",
           "regardless", "but then"),
          "contrast answers what came before"),
    # A comparison, not an attack: the other side of it plays the role of what it is compared with
    # ("Sadr's men shot at US troops. By contrast, ISCI's fighters have not").
    Group("coordination", "same", "any",
          ("by contrast", "in contrast", "on the other hand", "conversely", "similarly"),
          "the other side of a comparison"),
    Group("coordination", "same", "inside", ("whereas", "while"), "the other side of a comparison", clause=True),
    # The author denies what came before, in the first person or outright.
    Group("contrast", "previous", "start",
          ("i doubt", "i do doubt", "i disagree", "i don't think", "i do not think", "i don't believe",
           "i do not believe", "that is not true", "this is not true", "that's not true", "this is wrong",
           "that is wrong", "not so", "quite the opposite", "far from it"),
          "denies what came before"),
    # The author grants a point to the other side, in a sentence of its own. It attacks the main
    # claim; the "but" that usually follows attacks it in turn.
    Group("concession", "main", "start",
          ("admittedly", "granted", "of course", "yes", "true", "it is true that", "it's true that",
           "to be sure", "no doubt", "undeniably", "certainly", "sure", "it may be that",
           "it could be argued that", "one could argue that", "one might argue that", "one might object that",
           "some say", "some say that", "some argue", "some argue that", "some claim that", "some worry",
           "some people think", "some people say", "many believe", "critics", "critics say", "opponents",
           "opponents argue", "skeptics", "sceptics", "it is often said", "it is said", "proponents"),
          "concession voices the other side"),
    # A concession inside a sentence, against the clause it hangs on: "X, although Y".
    Group("concession", "before", "inside",
          ("although", "though", "even though", "even if", "aside from", "apart from", "except that",
           "despite the fact that", "notwithstanding"),
          "concession against the clause it is attached to"),
    # The same, put first: "Although Y, X" (Y attacks X).
    Group("concession", "after", "start",
          ("although", "though", "even though", "even if", "whereas", "while", "despite the fact that",
           "notwithstanding that"),
          "concession against the clause that follows it"),

    # ---------------------------------------------------------------- examples
    # An illustration of the statement just before.
    Group("example", "previous", "any",
          ("for instance", "for example", "e.g.", "to illustrate", "in particular", "to take an example",
           "take", "a case in point", "as an example"),
          "example of the statement before it"),

    # ---------------------------------------------------------------- more reasons
    # One more reason for the main claim.
    Group("addition", "main", "start",
          ("also", "besides", "moreover", "furthermore", "further", "in addition", "additionally", "plus",
           "what is more", "what's more", "on top of that", "likewise", "apart from that",
           "not to mention", "another reason is", "another point is", "and also", "as well", "all the more so",
           "all the more so as", "all the more so since", "all the more so because", "even more so", "and"),
          "a further reason for the main claim"),
    # Enumerated reasons: every item points where the first one does (the statement before it).
    Group("sequence", "same", "start",
          ("first", "firstly", "first of all", "to begin with", "to start with", "for a start", "second",
           "secondly", "third", "thirdly", "fourth", "fourthly", "fifth", "next", "finally", "lastly",
           "last", "last but not least", "last of all"),
          "one item of an enumeration"),

    # ---------------------------------------------------------------- joined clauses
    # A clause joined to the one before it: it plays the same role ("X, and Y": Y supports
    # whatever X supports, or attacks what X attacks). Only a clause counts: "A and B" does not.
    Group("coordination", "same", "inside", ("and", "or", "and so"), "joined to the clause before it",
          clause=True),
)

WEAK_CONCESSIONS = frozenset(("yes", "certainly", "sure", "true", "of course", "no doubt", "to be sure",
                              "undeniably"))
"""Concession markers that also just affirm ("Certainly, they seem to be thinking strategically"): they
mark a concession only when a contrast follows within two statements ("Yes, X. But Y")."""

FIRST_ITEMS = frozenset(("first", "firstly", "first of all", "to begin with", "to start with", "for a start"))
"""Sequence markers that open an enumeration (the others continue one)."""

INNER = {
    # Adverbs that do their work wherever they stand in the unit ("People, however, who ...",
    # "... and must therefore be ...", "... hence cannot be ..."). Only these: "so", "but" or
    # "as" inside a clause mean too many other things.
    "however": "contrast", "nevertheless": "contrast", "nonetheless": "contrast",
    "therefore": "conclusion", "hence": "conclusion", "thus": "conclusion", "consequently": "conclusion",
    "admittedly": "concession", "of course": "concession",
    "for instance": "example", "for example": "example",
    "also": "addition",
}

# ---------------------------------------------------------------- the main claim
# The author's own position, said outright at the start of a statement: "I think", "in my view".
# Strong hints of the central claim.
STANCE = ("i think", "i believe", "i find", "i feel", "i am convinced", "i'm convinced", "in my opinion",
          "in my view", "i am of the opinion", "i am not of the opinion", "i'm of the opinion", "i would argue",
          "i maintain", "i hold", "we must", "one thing is for sure", "one thing is certain",
          "there is no doubt that", "it is clear that", "the fact is", "my position is")

# A call to action: the statement says what someone should do (then it is a recommendation).
CALL_TO_ACTION = ("should", "shouldn't", "should not", "ought to", "ought not", "must", "mustn't", "must not",
                  "need to", "needs to", "it is time to", "it's time to", "let us", "let's", "we have to",
                  "has to be", "have to be", "it is necessary to", "is required", "are required",
                  "should be", "must be", "cannot be allowed", "may not be allowed", "is to be", "are to be")

# A judgement: the statement weighs something (then it is a claim the text argues for). Counted only
# after a copula, a few words before ("it is unfair", "is most certainly desirable", "was clearly a
# mistake"), not as a noun ("a basic right").
JUDGED_NOUNS = ("idea", "thing", "solution", "step", "way", "approach", "decision", "move", "policy", "choice",
                "option", "plan", "proposal", "measure", "course")
"""After an article a judgement word counts only before one of these: "a sensible idea", not "a basic right"."""
COPULAS = ("is", "are", "was", "were", "be", "been", "being", "seems", "seem", "remains", "remain", "find",
           "it's", "that's", "isn't", "aren't", "wasn't", "becomes")
JUDGEMENT = ("fair", "unfair", "just", "unjust", "unjustifiable", "justified", "unjustified", "right", "wrong",
             "good", "bad", "better", "best", "worse", "desirable", "undesirable", "acceptable", "unacceptable",
             "sensible", "reasonable", "unreasonable", "a mistake", "a good idea", "a bad idea", "necessary",
             "unnecessary", "sustainable", "unsustainable", "important", "essential", "harmful", "beneficial",
             "stupid", "wise", "unwise", "doubtful", "desired", "wanted", "welcome", "unwelcome", "fine", "okay",
             "appropriate", "inappropriate", "legitimate", "illegitimate", "an error", "pointless",
             "worthwhile", "implausible", "plausible", "absurd", "irresponsible", "responsible")

# Hedges: the statement is put tentatively, as a point granted rather than asserted.
HEDGES = ("may", "might", "perhaps", "possibly", "admittedly", "of course", "granted", "it is true", "critics",
          "opponents")

# ---------------------------------------------------------------- evidence
# Reported speech and reported findings: a statement passed on from a source.
REPORTING = ("according to", "reports", "reported", "reporting", "reveals", "revealed", "said", "says", "told",
             "announced", "stated", "states", "confirmed", "found that", "finds that", "shows that",
             "showed that", "show that", "a study", "studies", "a survey", "surveys", "a poll", "polls",
             "statistics", "figures", "data", "research", "as the times reports", "noted", "wrote", "writes",
             "estimated", "recorded", "described")
# A figure: a number with a unit, a share or a sum.
FIGURE_WORDS = ("percent", "per cent", "%", "billion", "million", "thousand", "hundred", "km", "kilometres",
                "dollars", "euros", "pounds")
