"""The neural half of the NER tagger: a BiLSTM-CRF run in numpy.

``data/models/ner_nn.npz`` (trained by ``scripts/train_ner_nn.py`` with
PyTorch; torch is never needed here) holds a small network:

* per token: an embedding of the normalised word and one of its base form
  (one table, initialised from word vectors learned on unlabelled text), a
  character CNN over the word (affixes), embeddings of its three word
  clusters, and 0/1 inputs for gazetteer hits, cue classes, script, digits
  and sentence ends, all computed from the CRF's own :class:`~.ner.Lexicon`;
* a one-layer bidirectional LSTM over the sentence;
* one linear-chain CRF output per annotation style (no style, and one per
  training corpus), each with its own emissions and transitions.

:meth:`NeuralNer.marginals` returns the posterior probability of each BILOU
label at each token (forward-backward).  :class:`~.ner.NerTagger` mixes them
with its CRF's marginals (a weighted geometric mean, ``mix`` in the file) and
decodes the mixture as it decodes the CRF alone.  See
``data/models/NER_MODEL.md`` for how it was chosen and what it scores.
"""

from __future__ import annotations

import contextlib
import json
from collections import OrderedDict
from pathlib import Path
from typing import Any

import numpy as np

NN_SUFFIX = ".nn.npz"  # ner_crf.crfsuite -> ner_crf.nn.npz
FORMAT = 1


class NeuralNerError(ValueError):
    """The network file is missing a part or does not fit the code."""


def nn_path(model_path: str | Path) -> Path:
    p = Path(model_path)
    return p.with_name(p.stem + NN_SUFFIX)


_ONE_THREAD: Any = None


def _one_blas_thread():
    """A context in which BLAS uses one thread.  The network's matrices are
    small: a threaded BLAS only doubles the CPU time here (measured: same wall
    time, twice the CPU), and the pipeline already runs one worker per core."""
    global _ONE_THREAD
    if _ONE_THREAD is None:
        try:
            from threadpoolctl import ThreadpoolController

            _ONE_THREAD = ThreadpoolController()
        except ImportError:  # pragma: no cover - declared in pyproject; tagging still works without it
            _ONE_THREAD = False
    return _ONE_THREAD.limit(limits=1, user_api="blas") if _ONE_THREAD else contextlib.nullcontext()


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (np.tanh(0.5 * x) + 1.0)  # no overflow warnings for large |x|


class InputSpec:
    """What the network reads of a token, and the vocabularies that index it.

    Shared by the training script (torch) and :class:`NeuralNer` (numpy), so
    the two cannot drift apart.
    """

    def __init__(self, words, chars, gazetteer_inputs, cues, scripts, char_len):
        self.words, self.chars = list(words), list(chars)  # index 0 padding, 1 unknown
        self.gazetteer_inputs, self.cues, self.scripts = list(gazetteer_inputs), list(cues), list(scripts)
        self.char_len = char_len
        self._wid = {w: i for i, w in enumerate(self.words)}
        self._cid = {c: i for i, c in enumerate(self.chars)}
        self._gzi = {g: i for i, g in enumerate(self.gazetteer_inputs)}
        self._cuei = {c: i for i, c in enumerate(self.cues)}
        self._sci = {c: i for i, c in enumerate(self.scripts)}
        self.n_dense = len(self.gazetteer_inputs) + len(self.cues) + len(self.scripts) + 4

    def _chars(self, w: str) -> list[int]:
        n = self.char_len
        if len(w) > n:  # both ends: Bengali case endings sit at the end
            w = w[: n // 2] + w[-(n // 2):]
        ids = [self._cid.get(ch, 1) for ch in w]
        return ids + [0] * (n - len(ids))

    def encode(self, info: list, gaz: list[list[str]], clusters: list) -> tuple[np.ndarray, ...]:
        """Index and 0/1 arrays for one sentence: ``info`` is ``ner._word_features``
        of each token, ``gaz`` ``Lexicon.names_at(info)``, ``clusters`` each word's
        cluster ids (or None)."""
        n = len(info)
        w = np.array([self._wid.get(x.w, 1) for x in info], np.int64)
        b = np.array([self._wid.get(x.base, 1) for x in info], np.int64)
        c = np.array([self._chars(x.w) for x in info], np.int64).reshape(n, self.char_len)
        cl = np.array([[v + 1 for v in k] if k else [0, 0, 0] for k in clusters], np.int64).reshape(n, 3)
        d = np.zeros((n, self.n_dense), np.float32)
        o_cue = len(self.gazetteer_inputs)
        o_sc = o_cue + len(self.cues)
        o_dig = o_sc + len(self.scripts)
        for i, x in enumerate(info):
            for g in gaz[i]:
                j = self._gzi.get(g)
                if j is not None:
                    d[i, j] = 1
            if x.cue in self._cuei:
                d[i, o_cue + self._cuei[x.cue]] = 1
            if x.script in self._sci:
                d[i, o_sc + self._sci[x.script]] = 1
            d[i, o_dig] = "bndigit" in x.feats
            d[i, o_dig + 1] = "digit" in x.feats
        d[0, -2] = 1
        d[n - 1, -1] = 1
        return w, b, c, cl, d


class NeuralNer:
    """A BiLSTM-CRF read from one ``.nn.npz`` file (see the module docstring).

    :meth:`text_marginals` runs every sentence of a text in one batch and keeps
    the input projection of up to ``word_cache`` distinct words (least recently
    used dropped first); :meth:`sentence_marginals` runs one sentence the plain
    way and is the reference the batched path is tested against.  Not
    thread-safe: :class:`~.ner.NerTagger` calls it under its lock.
    """

    def __init__(self, path: str | Path, word_cache: int = 20000):
        self.path = Path(path)
        self.word_cache = max(0, int(word_cache))
        try:
            data = np.load(self.path, allow_pickle=False)
        except (OSError, ValueError) as exc:
            raise NeuralNerError(f"{self.path}: cannot read the NER network ({exc}); retrain with scripts/train_ner_nn.py") from exc
        with data:
            arrays = {k: data[k] for k in data.files}
        try:
            meta = json.loads(str(arrays.pop("meta")))
        except (KeyError, ValueError) as exc:
            raise NeuralNerError(f"{self.path}: no readable 'meta' entry") from exc
        if meta.get("format") != FORMAT:
            raise NeuralNerError(f"{self.path}: format {meta.get('format')!r}, this code reads {FORMAT}")
        self.meta = meta
        self.labels: list[str] = list(meta["labels"])
        self.heads: list[str | None] = list(meta["heads"])
        self.mix: float = float(meta["mix"])
        self.spec = InputSpec(
            words=[str(w) for w in arrays.pop("words")],
            chars=[str(c) for c in arrays.pop("chars")],
            gazetteer_inputs=list(meta["gazetteer_inputs"]),
            cues=list(meta["cues"]),
            scripts=list(meta["scripts"]),
            char_len=int(meta["char_len"]),
        )
        p = {k: v.astype(np.float32) for k, v in arrays.items()}
        need = ("wemb", "cemb", "conv_w", "conv_b", "cl0", "cl1", "cl2", "head_w", "head_b", "trans", "start", "end")
        missing = [k for k in need if k not in p]
        missing += [f"lstm_{d}_{x}" for d in "fb" for x in ("wih", "whh", "b") if f"lstm_{d}_{x}" not in p]
        if missing:
            raise NeuralNerError(f"{self.path}: missing {', '.join(missing)}")
        self.p = p
        # exp(transitions) once: forward-backward runs in scaled probability space
        self._etrans = np.exp(p["trans"].astype(np.float64))
        self._estart = np.exp(p["start"].astype(np.float64))
        self._eend = np.exp(p["end"].astype(np.float64))
        self._prepare_batched()

    def _prepare_batched(self) -> None:
        """Split the LSTM input weights of both directions into the part a word
        fixes on its own (embeddings, characters, clusters, cue, script, digits)
        and the part its context sets (gazetteer hits, sentence start and end)."""
        p, spec = self.p, self.spec
        hdim = p["lstm_f_whh"].shape[1]
        # gate rows reordered from torch's (i, f, g, o) to (i, f, o, g), the three
        # sigmoid gates halved: sigmoid(x) = (tanh(x/2) + 1) / 2, so one tanh call
        # per step serves all four gates.  Halving is exact in binary floating point.
        order = np.r_[0: 2 * hdim, 3 * hdim: 4 * hdim, 2 * hdim: 3 * hdim]
        scale = np.r_[np.full(3 * hdim, 0.5, np.float32), np.ones(hdim, np.float32)]

        def gates(a: np.ndarray) -> np.ndarray:
            return (a[order].T * scale).T

        wih = np.concatenate([gates(p["lstm_f_wih"]), gates(p["lstm_b_wih"])], 0)  # (8H, inputs): both directions in one product
        self._bias2 = np.concatenate([gates(p["lstm_f_b"]), gates(p["lstm_b_b"])])
        n_static = wih.shape[1] - spec.n_dense
        n_gaz = len(spec.gazetteer_inputs)
        word_cols = np.r_[0:n_static, n_static + n_gaz: wih.shape[1] - 2]
        self._wih_word = np.ascontiguousarray(wih[:, word_cols].T)  # (word inputs, 8H)
        self._wih_gaz = np.ascontiguousarray(wih[:, n_static: n_static + n_gaz].T)  # (gazetteer inputs, 8H)
        self._wih_first = wih[:, -2].copy()
        self._wih_last = wih[:, -1].copy()
        self._whh_t = {d: np.ascontiguousarray(gates(p[f"lstm_{d}_whh"]).T) for d in "fb"}
        self._rows: OrderedDict[str, np.ndarray] = OrderedDict()  # word -> its (8H,) input projection
        self._rows_lexicon: Any = None

    # -- network --------------------------------------------------------------

    def _lstm(self, x: np.ndarray, d: str) -> np.ndarray:
        p = self.p
        wih, whh, bias = p[f"lstm_{d}_wih"], p[f"lstm_{d}_whh"], p[f"lstm_{d}_b"]
        hdim = whh.shape[1]
        gates = x @ wih.T + bias
        whh_t = whh.T
        h = np.zeros(hdim, np.float32)
        c = np.zeros(hdim, np.float32)
        out = np.empty((len(x), hdim), np.float32)
        steps = range(len(x) - 1, -1, -1) if d == "b" else range(len(x))
        for t in steps:
            g = gates[t] + h @ whh_t
            s = _sigmoid(g)  # one call for the three gates (the cell slot is unused): fewer numpy calls per step
            c = s[hdim: 2 * hdim] * c + s[:hdim] * np.tanh(g[2 * hdim: 3 * hdim])
            h = s[3 * hdim:] * np.tanh(c)
            out[t] = h
        return out

    def emissions(self, w, b, c, cl, d) -> np.ndarray:
        """Label scores ``(tokens, heads, labels)``."""
        p = self.p
        n, length = c.shape
        ce = p["cemb"][c]  # (n, L, char dim)
        pad = np.zeros((n, 1, ce.shape[2]), np.float32)
        cp = np.concatenate([pad, ce, pad], 1)
        conv = sum(cp[:, k: k + length] @ p["conv_w"][:, :, k].T for k in range(3)) + p["conv_b"]
        chars = np.maximum(conv, 0).max(1)
        e = p["wemb"]
        x = np.concatenate([e[w], e[b], chars, p["cl0"][cl[:, 0]], p["cl1"][cl[:, 1]], p["cl2"][cl[:, 2]], d], 1)
        h = np.concatenate([self._lstm(x, "f"), self._lstm(x, "b")], 1)
        return (h @ p["head_w"].T + p["head_b"]).reshape(n, len(self.heads), len(self.labels))

    def head_of(self, style: str | None) -> int:
        try:
            return self.heads.index(style)
        except ValueError:
            raise ValueError(f"the NER network has no head for style {style!r}; it knows {self.heads}") from None

    def sentence_marginals(self, tokens: list[str], lexicon, style: str | None = None) -> np.ndarray:
        """:meth:`marginals` of one sentence of tokens, with the CRF's ``lexicon``
        (gazetteer and clusters) as the network was trained with."""
        from .ner import _word_features  # ner imports this module

        info = [_word_features(t) for t in tokens]
        gaz = lexicon.names_at(info) if lexicon.gazetteer else [[] for _ in info]
        clusters = [lexicon.clusters.get(x.w) for x in info]
        with _one_blas_thread():
            return self.marginals(*self.spec.encode(info, gaz, clusters), style=style)

    # -- batched: every sentence of a text at once ----------------------------

    def _chars_out(self, c: np.ndarray) -> np.ndarray:
        """The character CNN (max-pooled) for words of char ids ``c`` ``(n, L)``."""
        p = self.p
        n, length = c.shape
        ce = p["cemb"][c]
        pad = np.zeros((n, 1, ce.shape[2]), np.float32)
        cp = np.concatenate([pad, ce, pad], 1)
        conv = sum(cp[:, k: k + length] @ p["conv_w"][:, :, k].T for k in range(3)) + p["conv_b"]
        return np.maximum(conv, 0).max(1)

    def _word_rows(self, words: list[str], info: list, lexicon) -> np.ndarray:
        """The input projection ``(len(words), 8H)`` (both directions, bias
        included) of what each distinct word fixes on its own; cached by word."""
        if lexicon is not self._rows_lexicon:  # clusters come from the lexicon: rows of another one do not fit
            self._rows.clear()
            self._rows_lexicon = lexicon
        rows, cache = self._rows, self.word_cache
        missing = [i for i, w in enumerate(words) if w not in rows]
        fresh: dict[str, np.ndarray] = {}
        if missing:
            spec, p = self.spec, self.p
            mi = [info[i] for i in missing]
            wid = np.array([spec._wid.get(x.w, 1) for x in mi], np.int64)
            bid = np.array([spec._wid.get(x.base, 1) for x in mi], np.int64)
            c = np.array([spec._chars(x.w) for x in mi], np.int64).reshape(len(mi), spec.char_len)
            cl = np.array([[v + 1 for v in k] if k else [0, 0, 0] for k in (lexicon.clusters.get(x.w) for x in mi)],
                          np.int64).reshape(len(mi), 3)
            # the word's own 0/1 inputs, in InputSpec.encode's order without the gazetteer and the sentence ends
            dense = np.zeros((len(mi), len(spec.cues) + len(spec.scripts) + 2), np.float32)
            o_sc, o_dig = len(spec.cues), len(spec.cues) + len(spec.scripts)
            for r, x in enumerate(mi):
                if x.cue in spec._cuei:
                    dense[r, spec._cuei[x.cue]] = 1
                if x.script in spec._sci:
                    dense[r, o_sc + spec._sci[x.script]] = 1
                dense[r, o_dig] = "bndigit" in x.feats
                dense[r, o_dig + 1] = "digit" in x.feats
            e = p["wemb"]
            x = np.concatenate([e[wid], e[bid], self._chars_out(c), p["cl0"][cl[:, 0]], p["cl1"][cl[:, 1]],
                                p["cl2"][cl[:, 2]], dense], 1)
            proj = x @ self._wih_word + self._bias2
            fresh = {words[i]: proj[r] for r, i in enumerate(missing)}
        out = np.empty((len(words), len(self._bias2)), np.float32)
        for i, w in enumerate(words):
            row = fresh.get(w)
            if row is None:
                row = rows[w]
                rows.move_to_end(w)
            elif cache:
                rows[w] = row.copy()  # a copy: a view would keep the whole block alive
            out[i] = row
        while len(rows) > cache:
            rows.popitem(last=False)
        return out

    def text_marginals(self, sentences: list[list[str]], lexicon, style: str | None = None) -> list[np.ndarray]:
        """:meth:`sentence_marginals` of each sentence, computed in one batch:
        the input projections of all tokens at once (cached per word), one
        matrix product per time step for the recurrence of all sentences, and
        forward-backward vectorised over the sentences.  Same numbers as one
        sentence at a time, up to float rounding."""
        from .ner import _word_features  # ner imports this module

        head = self.head_of(style)
        out: list[np.ndarray] = [np.zeros((0, len(self.labels))) for _ in sentences]
        todo = [i for i, s in enumerate(sentences) if s]
        if not todo:
            return out
        # longest first: the sentences still running at step t are always a prefix of the batch
        todo.sort(key=lambda i: -len(sentences[i]))
        lens = np.array([len(sentences[i]) for i in todo])
        bsz, tmax = len(todo), int(lens[0])
        flat = [t for i in todo for t in sentences[i]]
        distinct = list(dict.fromkeys(flat))
        pos = {w: j for j, w in enumerate(distinct)}
        dinfo = [_word_features(w) for w in distinct]
        with _one_blas_thread():
            rows = self._word_rows(distinct, dinfo, lexicon)
            gates = rows[[pos[t] for t in flat]]  # (tokens, 8H)
            starts = np.concatenate([[0], np.cumsum(lens)[:-1]])
            gates[starts] += self._wih_first
            gates[starts + lens - 1] += self._wih_last
            if lexicon.gazetteer:
                spec = self.spec
                k = 0
                for i in todo:
                    info = [dinfo[pos[t]] for t in sentences[i]]
                    for j, names in enumerate(lexicon.names_at(info)):
                        for g in names:
                            col = spec._gzi.get(g)
                            if col is not None:
                                gates[k + j] += self._wih_gaz[col]
                    k += len(info)
            # (batch, time, 8H), padding rows zero (never read: see the prefix above)
            idx = np.full((bsz, tmax), len(flat))
            steps = np.arange(tmax)
            mask = steps[None, :] < lens[:, None]
            idx[mask] = np.arange(len(flat))
            g3 = np.concatenate([gates, np.zeros((1, gates.shape[1]), np.float32)])[idx]
            active = (lens[None, :] > steps[:, None]).sum(1)  # sentences running at each step
            hdim = self._whh_t["f"].shape[0]
            hs = np.zeros((bsz, tmax, 2 * hdim), np.float32)
            for d, order, lo in (("f", range(tmax), 0), ("b", range(tmax - 1, -1, -1), 4 * hdim)):
                whh_t = self._whh_t[d]
                h = np.zeros((bsz, hdim), np.float32)
                c = np.zeros((bsz, hdim), np.float32)
                o = 0 if d == "f" else hdim
                for t in order:
                    k = active[t]
                    z = np.tanh(g3[:k, t, lo: lo + 4 * hdim] + h[:k] @ whh_t)  # see _prepare_batched
                    s = z[:, : 3 * hdim] * 0.5 + 0.5  # the input, forget and output gates
                    ck = s[:, hdim: 2 * hdim] * c[:k] + s[:, :hdim] * z[:, 3 * hdim:]
                    hk = s[:, 2 * hdim: 3 * hdim] * np.tanh(ck)
                    c[:k] = ck
                    h[:k] = hk
                    hs[:k, t, o: o + hdim] = hk
            nl = len(self.labels)
            hw = self.p["head_w"][head * nl: (head + 1) * nl]
            hb = self.p["head_b"][head * nl: (head + 1) * nl]
            em = (hs @ hw.T + hb).astype(np.float64)
            post = self._forward_backward(em, lens, active, head)
        for r, i in enumerate(todo):
            out[i] = post[r, : lens[r]]
        return out

    def _forward_backward(self, em: np.ndarray, lens: np.ndarray, active: np.ndarray, head: int) -> np.ndarray:
        """Label posteriors ``(batch, time, labels)`` of a batch sorted longest
        first (``active[t]``: how many sentences reach step t); as :meth:`marginals`."""
        em = np.exp(em - em.max(2, keepdims=True))
        tr, st, en = self._etrans[head], self._estart[head], self._eend[head]
        bsz, tmax, k = em.shape
        alpha = np.zeros((bsz, tmax, k))
        beta = np.zeros((bsz, tmax, k))
        a = st * em[:, 0]
        alpha[:, 0] = a / a.sum(1, keepdims=True)
        for t in range(1, tmax):
            n = active[t]
            a = (alpha[:n, t - 1] @ tr) * em[:n, t]
            alpha[:n, t] = a / a.sum(1, keepdims=True)
        last = en / en.sum()
        for t in range(tmax - 1, -1, -1):
            n_in, n_on = active[t], (active[t + 1] if t + 1 < tmax else 0)
            beta[n_on:n_in, t] = last  # sentences whose last token is t
            if n_on:
                bb = (em[:n_on, t + 1] * beta[:n_on, t + 1]) @ tr.T
                beta[:n_on, t] = bb / bb.sum(1, keepdims=True)
        post = alpha * beta
        s = post.sum(2, keepdims=True)
        return post / np.where(s > 0, s, 1.0)

    def marginals(self, w, b, c, cl, d, style: str | None = None) -> np.ndarray:
        """Posterior probability of each label ``(tokens, labels)`` for one style's CRF head."""
        h = self.head_of(style)
        em = self.emissions(w, b, c, cl, d)[:, h].astype(np.float64)
        em = np.exp(em - em.max(1, keepdims=True))  # per-token scale cancels in the posterior
        tr, st, en = self._etrans[h], self._estart[h], self._eend[h]
        n, k = em.shape
        alpha = np.empty((n, k))
        beta = np.empty((n, k))
        a = st * em[0]
        alpha[0] = a / a.sum()
        for t in range(1, n):
            a = (alpha[t - 1] @ tr) * em[t]
            alpha[t] = a / a.sum()
        beta[n - 1] = en / en.sum()
        for t in range(n - 2, -1, -1):
            bb = tr @ (em[t + 1] * beta[t + 1])
            beta[t] = bb / bb.sum()
        post = alpha * beta
        return post / post.sum(1, keepdims=True)


def mix(p_nn: np.ndarray, p_crf: np.ndarray, weight: float) -> np.ndarray:
    """Weighted geometric mean of two marginal tables, renormalised per token."""
    z = weight * np.log(p_nn + 1e-9) + (1.0 - weight) * np.log(p_crf + 1e-9)
    z = np.exp(z - z.max(1, keepdims=True))
    return z / z.sum(1, keepdims=True)
