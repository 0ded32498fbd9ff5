"""Fitting the small logistic models the pipeline reads as plain JSON (models.linear_score)."""

from __future__ import annotations

import numpy as np

from reportcheck.models import logistic


def fit_logistic(rows: list[dict[str, float]], gold: list[bool], dev_rows: list[dict[str, float]], dev_gold: list[bool],
                 c: float = 1.0) -> dict:
    """Standardised features, class-balanced L2 logistic regression fitted on train; the decision threshold is
    the one that maximises accuracy on dev (ties: closest to 0.5). Returns the JSON the pipeline loads."""
    from sklearn.linear_model import LogisticRegression

    names = sorted(rows[0])
    X = np.array([[r[f] for f in names] for r in rows], float)
    mean, scale = X.mean(0), X.std(0)
    scale[scale == 0] = 1.0
    clf = LogisticRegression(C=c, class_weight="balanced", max_iter=2000)
    clf.fit((X - mean) / scale, np.array(gold, int))
    model = {"features": names, "mean": mean.round(6).tolist(), "scale": scale.round(6).tolist(),
             "coef": clf.coef_[0].round(6).tolist(), "intercept": round(float(clf.intercept_[0]), 6), "threshold": 0.5}
    if dev_rows:
        probs = [probability(model, r) for r in dev_rows]
        cands = sorted({round(t, 3) for t in np.arange(0.2, 0.81, 0.025)})
        model["threshold"] = max(cands, key=lambda t: (accuracy(probs, dev_gold, t), -abs(t - 0.5)))
    return model


def probability(model: dict, row: dict[str, float]) -> float:
    return logistic(model, row)


def accuracy(probs: list[float], gold: list[bool], t: float) -> float:
    return sum((p >= t) == g for p, g in zip(probs, gold, strict=True)) / len(gold) if gold else 0.0


NGRAM, MAXF, C = (1, 3), 12000, 30.0  # chosen on corpus/dev among 1–3 and 1–4 grams, 6k–12k grams, C 0.3–30


def fit_text_model(texts: list[str], extras: dict[str, list[dict[str, float]]], gold: dict[str, list[bool | None]]) -> dict:
    """One character 1–3-gram TF-IDF vocabulary for all labels, one class-balanced logistic model per label over
    it and that label's extra features. gold[label][i] is None for a text that is neither positive nor negative
    for the label (it is left out of that label's fit). Returns the JSON models.TextModel loads (thresholds 0.5
    until the caller tunes them)."""
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = TfidfVectorizer(analyzer="char", ngram_range=NGRAM, max_features=MAXF, sublinear_tf=True, min_df=2, lowercase=False)
    X = vec.fit_transform(texts)
    vocab = vec.get_feature_names_out().tolist()
    labels = {}
    for label, ys in gold.items():
        rows = [i for i, y in enumerate(ys) if y is not None]
        names = sorted(extras[label][0]) if extras[label] else []
        E = csr_matrix(np.array([[extras[label][i][f] for f in names] for i in rows], float)) if names else None
        Xl = hstack([X[rows], E]).tocsr() if E is not None else X[rows]
        clf = LogisticRegression(C=C, class_weight="balanced", max_iter=3000)
        clf.fit(Xl, np.array([int(ys[i]) for i in rows]))
        coef = clf.coef_[0]
        labels[label] = {"coef": np.round(coef[: len(vocab)], 5).tolist(), "extra": {f: round(float(w), 5) for f, w in zip(names, coef[len(vocab):], strict=True)},
                         "intercept": round(float(clf.intercept_[0]), 5), "threshold": 0.5}
    return {"ngram": list(NGRAM), "vocab": vocab, "idf": np.round(vec.idf_, 5).tolist(), "labels": labels}


def best_threshold(scores: list[float], gold: list[bool]) -> float:
    """The cut on report-level scores that maximises balanced accuracy (ties: closest to 0.5)."""
    def bal(t: float) -> float:
        pos = [s >= t for s, g in zip(scores, gold, strict=True) if g]
        neg = [s < t for s, g in zip(scores, gold, strict=True) if not g]
        return (sum(pos) / len(pos) if pos else 1.0) / 2 + (sum(neg) / len(neg) if neg else 1.0) / 2
    cands = sorted({round(t, 3) for t in np.arange(0.05, 0.96, 0.025)})
    return max(cands, key=lambda t: (round(bal(t), 6), -abs(t - 0.5)))
