"""Writes bleu_corpus.*.txt and bleu_reference.json: a synthetic corpus full of tokeniser edge cases and the
scores sacreBLEU gives it. Run once with sacreBLEU importable (python3 make_bleu_reference.py); the tests only
read its output."""
import json
import random

import sacrebleu
from sacrebleu.metrics import BLEU

WORDS = ("the a dog cat man bit had bitten him first was not unexpected surprised no one it wasn't "
         "can't U.S. e.g. 3.14 1,000 2024. 5-6 well-known co-operate $5 €10 100% (see) [note] {x} "
         "\"quoted\" “curly” ‘single’ — – … &amp; &quot; &lt;b&gt; <skipped> @user #tag a/b x+y "
         "Café naïve İstanbul ΣΊΣΥΦΟΣ Straße 日本語 😀 … ¿Qué? ¡Sí! 12:30 3,5 .5 end. end, -dash trailing- "
         "Kelvin\u212a nbsp\u00a0gap fs\u001cgap zero\u200bwidth").split(" ")


def sentence(rng, lo=0, hi=18):
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(lo, hi)))


def perturb(rng, text):
    words = text.split(" ") if text else []
    out = []
    for w in words:
        r = rng.random()
        if r < 0.15:
            continue
        if r < 0.30:
            out.append(rng.choice(WORDS))
        elif r < 0.35:
            out.extend([w, rng.choice(WORDS)])
        else:
            out.append(w.upper() if rng.random() < 0.1 else w)
    if rng.random() < 0.2:
        out.append(rng.choice([".", " .", "  ", "\t", " !"]))
    return " ".join(out)


def main():
    rng = random.Random(20240518)
    ref0, ref1, hyp = [], [], []
    for i in range(240):
        r = sentence(rng, 0 if i % 40 == 7 else 1)
        ref0.append(r)
        ref1.append(perturb(rng, r) if i % 3 else sentence(rng))
        hyp.append("" if i % 50 == 11 else perturb(rng, r))
    for name, lines in (("hyp", hyp), ("ref0", ref0), ("ref1", ref1)):
        with open(f"bleu_corpus.{name}.txt", "w", encoding="utf-8", newline="\n") as f:
            f.write("".join(line.replace("\n", " ") + "\n" for line in lines))

    def entry(metric, score):
        return {
            "score": score.score, "counts": list(map(float, score.counts)), "totals": list(map(float, score.totals)),
            "precisions": score.precisions, "bp": score.bp, "sysLen": score.sys_len, "refLen": score.ref_len,
            "signature": str(metric.get_signature()), "line": score.format(signature=str(metric.get_signature())),
        }

    corpus = []
    for tok in ("13a", "none", "intl"):
        for smooth, value in (("exp", None), ("floor", None), ("floor", 0.5), ("add-k", None), ("add-k", 2), ("none", None)):
            for lc in (False, True):
                for nrefs in (1, 2):
                    for order in ((4, 2, 6) if (smooth == "exp" and not lc and nrefs == 2) else (4,)):
                        metric = BLEU(tokenize=tok, smooth_method=smooth, smooth_value=value, lowercase=lc, max_ngram_order=order)
                        score = metric.corpus_score(hyp, [ref0, ref1][:nrefs])
                        corpus.append({"tokenize": tok, "smooth": smooth, "smoothValue": value, "lowercase": lc,
                                       "nrefs": nrefs, "maxOrder": order, **entry(metric, score)})
    sentences = []
    metric = BLEU(effective_order=True)
    for h, r0, r1 in zip(hyp, ref0, ref1):
        sentences.append(metric.sentence_score(h, [r0, r1]).score)
    tokens = {tok: [BLEU(tokenize=tok).tokenizer(line.rstrip()) for line in ref0] for tok in ("13a", "intl")}
    with open("bleu_reference.json", "w", encoding="utf-8") as f:
        json.dump({"sacrebleu": sacrebleu.__version__, "corpus": corpus, "sentenceScores": sentences, "tokens": tokens},
                  f, ensure_ascii=False, indent=0)


if __name__ == "__main__":
    main()
