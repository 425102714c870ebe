"""Word clusters learned from unlabelled news: PPMI over ±2 left/right contexts, SVD, then k-means.

Names unseen in the labelled corpus still share a cluster with names that were seen (a new minister's
surname sits with other surnames), which is what lets the CRF generalise beyond its gazetteer.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

from isnad.errors import IsnadError
from isnad.extract.clitics import frequencies, strip_proclitics
from isnad.extract.tokens import tokenize
from isnad.text.normalize import fold

_WINDOW = (-2, -1, 1, 2)


def read_texts(path: Path) -> Iterator[str]:
    """Article bodies from a directory or file of SaudiNewsNet-style zips / JSON arrays (field "content")."""
    files = sorted(path.glob("*.zip")) + sorted(path.glob("*.json")) if path.is_dir() else [path]
    if not files:
        raise IsnadError("ISN100", str(path), "no .zip or .json files of articles found")
    for file in files:
        try:
            if file.suffix == ".zip":
                with zipfile.ZipFile(file) as zf:
                    blobs = [zf.read(name) for name in sorted(zf.namelist())]
            else:
                blobs = [file.read_bytes()]
            for blob in blobs:
                for record in json.loads(blob.decode("utf-8")):
                    if isinstance(record, dict) and isinstance(record.get("content"), str):
                        yield record["content"]
        except FileNotFoundError:
            raise IsnadError("ISN100", str(file), "article file not found") from None
        except (OSError, ValueError, zipfile.BadZipFile) as exc:
            raise IsnadError("ISN105", str(file), f"cannot read articles: {exc}") from None


def _core_ids(texts: Iterable[str]) -> tuple[list[str], np.ndarray[Any, np.dtype[np.int64]]]:
    """Every clitic-free core of the corpus as an id stream (-1 separates articles), plus the id table."""
    freqs = frequencies()
    id_of_word: dict[str, int] = {}
    id_of_core: dict[str, int] = {}
    stream: list[int] = []
    for text in texts:
        for word in tokenize(fold(text))[0]:
            i = id_of_word.get(word)
            if i is None:
                core = strip_proclitics(word, freqs)[1]
                i = id_of_word[word] = id_of_core.setdefault(core, len(id_of_core))
            stream.append(i)
        stream.append(-1)
    return list(id_of_core), np.asarray(stream, dtype=np.int64)


def build_clusters(
    texts: Iterable[str], *, vocab: int = 50_000, contexts: int = 4_000, dims: int = 100, fine: int = 500,
    coarse: int = 50, finest: int = 0, seed: int = 0,
) -> dict[str, str]:  # fmt: skip
    """Core -> "coarse/fine[/finest]" cluster ids for the `vocab` commonest cores."""
    from scipy import sparse
    from sklearn.cluster import KMeans, MiniBatchKMeans
    from sklearn.utils.extmath import randomized_svd

    names, stream = _core_ids(texts)
    counts = np.bincount(stream[stream >= 0], minlength=len(names))
    order = np.argsort(-counts, kind="stable")
    rank = np.full(len(names) + 1, -1, dtype=np.int64)  # last slot: the article separator
    rank[order] = np.arange(len(names))
    r = rank[stream]
    rows, cols = [], []
    for side, off in enumerate(_WINDOW):
        t, c = (r[-off:], r[:off]) if off < 0 else (r[:-off], r[off:])
        keep = (t >= 0) & (t < vocab) & (c >= 0) & (c < contexts)
        rows.append(t[keep])
        cols.append(c[keep] + side * contexts)
    row, col = np.concatenate(rows), np.concatenate(cols)
    n_rows = min(vocab, len(names))
    m = sparse.coo_matrix((np.ones(len(row)), (row, col)), shape=(n_rows, contexts * len(_WINDOW))).tocsr()
    emb = _embed(_ppmi(m), dims, seed, randomized_svd)
    km = MiniBatchKMeans(n_clusters=fine, random_state=seed, batch_size=4096, n_init=3).fit(emb)
    top = KMeans(n_clusters=coarse, random_state=seed, n_init=3).fit(km.cluster_centers_)
    labels, parents = km.labels_.tolist(), top.labels_.tolist()
    ids = [f"{parents[labels[i]]}/{labels[i]}" for i in range(n_rows)]
    if finest:
        small = MiniBatchKMeans(n_clusters=finest, random_state=seed, batch_size=4096, n_init=3).fit(emb)
        ids = [f"{a}/{b}" for a, b in zip(ids, small.labels_.tolist(), strict=True)]
    return {names[order[i]]: ids[i] for i in range(n_rows)}


def _ppmi(m: Any) -> Any:
    """Positive PMI with context-distribution smoothing (alpha 0.75), sparse in, sparse out."""
    total = m.sum()
    row = np.asarray(m.sum(axis=1)).ravel()
    col = np.asarray(m.sum(axis=0)).ravel() ** 0.75
    col = col / col.sum() * total
    coo = m.tocoo()
    pmi = np.log(coo.data * total / (row[coo.row] * col[coo.col]))
    coo.data = np.maximum(pmi, 0.0)
    out = coo.tocsr()
    out.eliminate_zeros()
    return out


def _embed(m: Any, dims: int, seed: int, svd: Any) -> np.ndarray[Any, np.dtype[np.float64]]:
    u, s, _ = svd(m, n_components=dims, random_state=seed)
    emb = u * np.sqrt(s)
    norms = np.linalg.norm(emb, axis=1, keepdims=True)
    return np.asarray(emb / np.maximum(norms, 1e-9))
