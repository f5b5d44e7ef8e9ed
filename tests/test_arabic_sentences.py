"""quiz.arabic.sentences: the splitter the Django side also uses to store sentences."""

from __future__ import annotations

from quiz.arabic.sentences import split_sentences


def test_spans_are_slices_of_the_text() -> None:
    text = "قال الرئيس إن الوضع صعب. وأضاف: هل من حل؟\n\nنعم!"
    spans = split_sentences(text)
    assert [s.text for s in spans] == ["قال الرئيس إن الوضع صعب.", "وأضاف: هل من حل؟", "نعم!"]
    assert all(text[s.start : s.end] == s.text for s in spans)


def test_decimals_and_one_letter_abbreviations_do_not_split() -> None:
    text = "بلغ النمو 3.5 بالمئة. تأسست روما سنة 753 ق.م. على ضفاف النهر. وقال د. أحمد إن الأمر جيد."
    assert [s.text for s in split_sentences(text)] == [
        "بلغ النمو 3.5 بالمئة.",
        "تأسست روما سنة 753 ق.م. على ضفاف النهر.",
        "وقال د. أحمد إن الأمر جيد.",
    ]


def test_abbreviation_at_the_end_of_a_line_ends_the_sentence() -> None:
    assert [s.text for s in split_sentences("تأسست روما سنة 753 ق.م.\nثم توسعت.")] == [
        "تأسست روما سنة 753 ق.م.",
        "ثم توسعت.",
    ]


def texts(text):
    return [s.text for s in split_sentences(text)]


def test_splits_on_final_punctuation_and_line_ends_not_on_arabic_comma():
    assert texts("قال الوزير، في بيان، إن الخطة نجحت. هل نجحت؟ نعم!\nسطر آخر") == [
        "قال الوزير، في بيان، إن الخطة نجحت.",
        "هل نجحت؟",
        "نعم!",
        "سطر آخر",
    ]


def test_closing_quotes_stay_with_their_sentence():
    assert texts('وقال: "سمعنا ذلك." ثم غادر.') == ['وقال: "سمعنا ذلك."', "ثم غادر."]


def test_decimals_and_inner_ellipses_do_not_end_a_sentence():
    assert texts("نما الاقتصاد 3.5 في المئة ... كان هذا متوقعا.") == ["نما الاقتصاد 3.5 في المئة ... كان هذا متوقعا."]


def test_offsets_point_into_the_text():
    text = "  أولا.  ثانيا؟\n\n ثالثا"
    for span in split_sentences(text):
        assert text[span.start : span.end] == span.text


def test_blank_and_punctuation_only_lines_give_nothing():
    assert texts("\n . \n...\n") == []
