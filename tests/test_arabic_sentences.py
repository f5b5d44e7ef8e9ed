from quiz.arabic.sentences import split_sentences


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
