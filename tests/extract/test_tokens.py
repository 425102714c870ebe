"""Tokenizer: punctuation stands alone, words keep clitics, offsets point into the view."""

from __future__ import annotations

from isnad.extract.tokens import sentence_bounds, split_token, tokenize
from isnad.text.normalize import fold, normalize


def test_punctuation_is_cut_off_and_offsets_point_into_the_view() -> None:
    view = normalize("قال المدير: «سنفتتح المصنع الجديد»، في عام ٢٠٢٣.")
    words, starts, ends = tokenize(view.text)
    expected = "قال المدير : « سنفتتح المصنع الجديد » , في عام 2023 ."
    assert words == expected.split(" ")
    assert all(view.text[a:b] == w for w, a, b in zip(words, starts, ends, strict=True))


def test_clitics_stay_on_the_word_as_in_the_training_corpus() -> None:
    assert tokenize("وبالمدينة ولمصر")[0] == ["وبالمدينة", "ولمصر"]


def test_numbers_with_separators_and_latin_words_are_single_tokens() -> None:
    assert tokenize("ارتفع 3.5% في UNESCO")[0] == ["ارتفع", "3.5%", "في", "UNESCO"]


def test_split_token_recuts_corpus_tokens_and_drops_invisible_ones() -> None:
    assert split_token("(الشركة)") == ["(", "الشركة", ")"]
    assert split_token(fold("\u200f")) == []


def test_sentences_end_at_full_stops() -> None:
    words = tokenize("وصل الوفد . ثم غادر ! انتهى")[0]
    assert sentence_bounds(words) == [(0, 3), (3, 6), (6, 7)]
    assert sentence_bounds([]) == []
