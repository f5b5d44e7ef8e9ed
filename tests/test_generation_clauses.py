"""How a sentence becomes a question: the clause around the answer, its verb first, a tail that stops at the right
place. Real-looking news and encyclopaedia sentences written for these tests."""

from __future__ import annotations

from quiz.generation import generate
from quiz.generation.grammar import without_conjunction


def asked(text: str) -> dict[str, str]:
    """Prompt -> answer of the multiple-choice and typed wh-questions."""
    return {
        q.prompt: q.answer
        for q in generate(text).questions
        if q.mode in {"choice", "typed"} and q.kind not in {"cloze", "matching"}
    }


def test_a_verb_starting_with_waw_is_not_a_conjunction() -> None:
    # وقعت 'signed' and وجدت 'found' begin with و but are whole verbs: the question keeps them.
    assert without_conjunction("وجدت") == "وجدت"
    assert without_conjunction("والده") == "والده"
    assert without_conjunction("وقال") == "قال"
    assert without_conjunction("وفي") == "في"  # and + in, never وفيّ 'loyal'
    prompts = asked("في عام 2015 وقعت تونس على اتفاقية للتعاون الاقتصادي مع الاتحاد الأوروبي.")
    assert prompts["متى وقعت تونس على اتفاقية للتعاون الاقتصادي مع الاتحاد الأوروبي؟"] == "عام 2015"


def test_names_and_places_stay_in_the_question() -> None:
    prompts = asked("ووجدت بعثة أثرية بريطانية في عام 1922 مقبرة ملكية في مصر.")
    assert any(p.startswith("متى وجدت بعثة أثرية") and "مصر" in p for p in prompts)


def test_the_tail_stops_before_an_adverbial_clause() -> None:
    prompts = asked("وارتفعت الأسعار بشكل حاد في عام 2019 عندما تراجعت قيمة العملة المحلية.")
    assert prompts == {"متى ارتفعت الأسعار بشكل حاد؟": "عام 2019"}


def test_a_long_tail_ends_before_an_unfinished_adjunct() -> None:
    text = "وفي يوم 3 أغسطس 1990، قام الجيش باجتياح الحدود بعد مفاوضات فاشلة استمرت أسابيع في مدينة ساحلية بين الطرفين."
    prompts = asked(text)
    assert prompts["متى قام الجيش باجتياح الحدود؟"] == "3 أغسطس 1990"  # "في يوم" goes into متى


def test_a_fronted_time_before_a_clause_with_kana() -> None:
    text = "بين عامي 1950 و1960، كانت المدينة قد شهدت نموا سريعا بسبب الهجرة من الريف."
    assert asked(text)["متى كانت المدينة قد شهدت نموا سريعا بسبب الهجرة من الريف؟"] == "بين عامي 1950 و1960"


def test_kana_is_the_verb_of_its_clause() -> None:
    prompts = asked("كان الرحالة ابن بطوطة أول من وصل إلى جزر المالديف في عام 1343.")
    assert prompts["متى كان الرحالة ابن بطوطة أول من وصل إلى جزر المالديف؟"] == "عام 1343"


def test_and_plus_preposition_before_the_answer() -> None:
    prompts = asked("وفي الخامس من آذار 2011 أعلن الاتحاد نتائج التصنيف الجديد.")
    assert prompts["متى أعلن الاتحاد نتائج التصنيف الجديد؟"] == "الخامس من آذار 2011"


def test_a_subordinate_clause_is_asked_without_its_subordinator() -> None:
    prompts = asked("وعندما ضم الأمير الإقليم سنة 1620م، أعلن نفسه ملكا على البلاد.")
    assert prompts["متى ضم الأمير الإقليم؟"] == "سنة 1620م"


def test_a_verb_left_without_its_complement_is_dropped() -> None:
    prompts = asked("ووجدت البعثة نقوشا قديمة في اليمن تعود إلى 3 آلاف سنة.")
    assert "أين وجدت البعثة نقوشا قديمة؟" in prompts


def test_an_elative_is_no_verb() -> None:
    from quiz.generation.grammar import is_verb

    # أطول 'longer' and أفضل 'better' also read as 'I lengthen', 'I prefer': never in a news sentence.
    assert not is_verb("أطول")
    assert not is_verb("أفضل")
    assert is_verb("أعلن")


def test_questions_that_say_nothing_rank_low() -> None:
    from quiz.generation.questions import prompt_penalty

    assert prompt_penalty("متى كان ذلك؟") < prompt_penalty("متى وقعت المعركة؟") - 0.2
    assert prompt_penalty("متى ضم عندما العثمانيون الشام؟") < prompt_penalty("متى ضم العثمانيون الشام؟")
    long = "متى " + " ".join(["كلمة"] * 24) + "؟"
    assert prompt_penalty(long) <= -0.25


def test_a_relative_clause_is_asked_about_its_noun() -> None:
    prompts = asked("وكان للخليفة حلفاء كثر، منهم سلطنة بروناي الساحلية التي أعلنت ولاءها للخليفة في سنة 1570م.")
    assert prompts["متى أعلنت سلطنة بروناي الساحلية ولاءها للخليفة؟"] == "سنة 1570م"
    founded = asked("وأقدم هذه الدول إمارة حائل التي أسسها عبد الله بن رشيد سنة 1836.")
    assert founded["متى أسس عبد الله بن رشيد إمارة حائل؟"] == "سنة 1836"


def test_a_verbless_clause_about_a_role_is_asked_with_kana() -> None:
    prompts = asked("وتولى الحكم بعد أبيه. ورئيس الحكومة من فبراير 1999 حتى يونيو 2007.")
    assert prompts["متى كان رئيس الحكومة؟"] == "من فبراير 1999 حتى يونيو 2007"


def test_a_fragment_without_a_verb_ranks_lower() -> None:
    from quiz.generation.questions import prompt_penalty

    assert prompt_penalty("متى المنظمة من أجل التنمية؟") < prompt_penalty("متى تأسست المنظمة من أجل التنمية؟")
    assert prompt_penalty("ما الاسم الآخر للسل؟", template=True) == 0


def test_a_clause_after_preposition_plus_an() -> None:
    prompts = asked("وبث حتى الآن 5 أجزاء من أصل ستة، على أن يبث الجزء الأخير في 2026.")
    assert prompts["متى يبث الجزء الأخير؟"] == "2026"
    assert prompts["كم جزءا بث حتى الآن؟"] == "5 أجزاء"


def test_counted_nouns_keep_their_complement_and_drop_a_describing_clause() -> None:
    prompts = asked("ويمتلك المخترع 400 براءة اختراع أوروبية تحمل اسمه.")
    assert prompts["كم براءة اختراع أوروبية يمتلك المخترع؟"] == "400 براءة"


def test_a_count_after_a_noun_phrase_is_fronted_unless_the_noun_governs_it() -> None:
    assert "كم دقيقة تبلغ مدة كل مباراة؟" in asked("وتبلغ مدة كل مباراة حوالي 90 دقيقة.")
    assert "أدى الانفجار إلى مقتل كم شخصا؟" in asked("وأدى الانفجار إلى مقتل 12 شخصا.")


def test_a_label_before_a_caption_is_no_part_of_a_true_false_statement() -> None:
    text = "من الأرشيف: حريق في سوق المدينة القديمة أدى إلى تدمير 40 متجرا."
    statements = [q.prompt for q in generate(text).questions if q.kind == "true_false"]
    assert statements and all("الأرشيف" not in s for s in statements)


def test_a_period_in_brackets_is_answered_whole() -> None:
    prompts = asked("عاش الشاعر في القاهرة بين عامي (1920 - 1935)، ثم عاد إلى بلده.")
    assert prompts["متى عاش الشاعر في القاهرة؟"] == "بين عامي (1920 - 1935)"


def test_one_end_of_a_pair_is_not_asked_with_bayna() -> None:
    prompts = asked("وتقدر الهيئة النمو بمعدل 2% سنويا بين عامي 1990 و 2950.")
    assert not [p for p in prompts if p.startswith("بين متى")]


def test_a_short_question_with_nothing_happening_ranks_lower() -> None:
    from quiz.generation.questions import prompt_penalty

    assert prompt_penalty("متى ابتداءً من فاتح؟") <= -0.3
    assert prompt_penalty("من أسس الإمارة؟") == 0  # أسس is also a noun, but a verb right after من


def test_a_clause_after_hatta_is_asked_on_its_own() -> None:
    prompts = asked("وظلت الإمارة قائمة حتى قاد الوالي جيشا كبيرا للقضاء عليها عام 1818.")
    assert prompts["متى قاد الوالي جيشا كبيرا للقضاء عليها؟"] == "عام 1818"


def test_the_clause_after_idh_and_lakinnaha() -> None:
    prompts = asked("وهي المدينة الثانية في البلاد إذ يقطنها أكثر من 3 ملايين نسمة.")
    assert prompts["كم نسمة يقطنها؟"] == "أكثر من 3 ملايين نسمة"
    but = asked("مالطا جزيرة صغيرة لكنها اشتهرت منذ مطلع القرن السابع عشر بموقعها التجاري.")
    assert but["منذ متى اشتهرت مالطا بموقعها التجاري؟"] == "مطلع القرن السابع عشر"


def test_a_period_of_centuries_and_a_where_at_the_end() -> None:
    generated = generate("واحتلت البلاد من مطلع القرن السابع عشر إلى نهاية القرن الثامن عشر. وهو قائد الثورة في تشاد.")
    asked_ = {q.prompt: q for q in generated.questions if q.mode == "choice"}
    period = asked_["متى احتلت البلاد؟"]
    assert period.answer == "من مطلع القرن السابع عشر إلى نهاية القرن الثامن عشر"
    assert all(c.startswith("من مطلع القرن") for c in period.choices)
    assert not [p for p in asked_ if p.endswith("أين؟")]


def test_adjectives_agree_with_a_singular_counted_noun() -> None:
    assert "كم جنديا أجنبيا تم نشر في المنطقة؟" in asked("وتم نشر 500 جندي أجنبي في المنطقة.")


def test_each_conjunct_with_its_own_time_is_asked() -> None:
    prompts = asked(
        "والأردن عضو في الأمم المتحدة منذ 1955 وجامعة الدول العربية منذ 1945 ومنظمة التعاون الإسلامي منذ 1969."
    )
    assert prompts["منذ متى الأردن عضو في الأمم المتحدة؟"] == "1955"
    assert prompts["منذ متى الأردن عضو في جامعة الدول العربية؟"] == "1945"
    assert prompts["منذ متى الأردن عضو في منظمة التعاون الإسلامي؟"] == "1969"


def test_a_nominal_clause_is_no_fragment() -> None:
    from quiz.generation.questions import prompt_penalty

    assert prompt_penalty("منذ متى الأردن عضو في الأمم المتحدة؟") == 0
    assert prompt_penalty("متى الاتحاد الأوروبي؟") < 0
