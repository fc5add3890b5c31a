"""Writes rouge_tokens.json: rouge-score's tokenisation (lower-case, [^a-z0-9]+ to a space, split, Porter-stem
tokens longer than 3 characters with NLTK's default PorterStemmer) of tricky texts, with and without stemming."""
import json
import re

import nltk
from nltk.stem import porter

TEXTS = [
    "The quick brown fox jumps over the lazy dog",
    "Running runners ran; generalizations GENERALIZE it's (don't) e.g. U.S.A. 3.14 1,000",
    "Café naïve İstanbul İs KELVIN\u212a sign ΣΊΣΥΦΟΣ Straße 日本語 😀 ponies caresses flies dies",
    "hopping hopped hoping filing failing falling hissing fizzed conflated troubled sized",
    "relational conditional rational valenci hesitanci digitizer conformabli radicalli differentli",
    "vileli analogousli vietnamization predication operator feudalism decisiveness hopefulness",
    "callousness formaliti sensitiviti sensibiliti triplicate formative formalize electriciti",
    "electrical hopeful goodness revival allowance inference airliner gyroscopic adjustable",
    "defensible irritant replacement adjustment dependent adoption homologou communism activate",
    "angulariti homologous effective bowdlerize probate rate cease controll roll skies dying lying",
    "news innings outings cannings howe proceed exceed succeed geology theology happy enjoy spy",
    "  \t\n multiple   spaces\nand\nnewlines \r\n windows line ends-with-dashes_and_underscores ",
    "a ab abc abcd abcde 1234 12345 x1y2 aaaa yyyy syzygy toy",
]

stemmer = porter.PorterStemmer()


def tokenize(text, stem):
    tokens = re.split(r"\s+", re.sub(r"[^a-z0-9]+", " ", text.lower()))
    if stem:
        tokens = [stemmer.stem(t) if len(t) > 3 else t for t in tokens]
    return [t for t in tokens if t]


with open("rouge_tokens.json", "w", encoding="utf-8") as f:
    json.dump({"nltk": nltk.__version__, "cases": [{"text": t, "tokens": tokenize(t, False), "stemmed": tokenize(t, True)} for t in TEXTS]},
              f, ensure_ascii=False, indent=0)
