"""Noun-phrase answers: where something lies ("تقع X في Y") and descriptions inside a sentence ("X، وهي Y")."""

from __future__ import annotations

from quiz.generation import generate


def _locations(text: str) -> dict[str, str]:
    return {f.subject: f.answer for f in generate(text).facts if f.type == "location"}


def _where(text: str) -> dict[str, str]:
    return {q.prompt: q.answer for q in generate(text).questions if q.kind == "where" and q.mode == "typed"}


def test_where_a_named_subject_lies() -> None:
    text = "تقع مدينة النخيل في وسط الصحراء الكبرى فهي واحة مهمة."
    assert _locations(text) == {"مدينة النخيل": "وسط الصحراء الكبرى"}  # the clause after ف is no part of it
    assert _where(text)["أين تقع مدينة النخيل؟"] == "وسط الصحراء الكبرى"


def test_a_verb_without_subject_is_about_the_defined_topic() -> None:
    text = "الجزيرة الخضراء هي جزيرة صغيرة في البحر. وتقع أساسا في جنوب المحيط الهادئ، ويقع معظمها تحت خط الاستواء."
    found = _locations(text)
    assert found["الجزيرة الخضراء"] == "جنوب المحيط الهادئ"  # "أساسا" is an adverb, not the subject
    assert found["معظم الجزيرة الخضراء"] == "تحت خط الاستواء"  # "معظمها": most of the topic
    assert _where(text)["أين يقع معظم الجزيرة الخضراء؟"] == "تحت خط الاستواء"


def test_no_location_without_a_subject_or_of_a_count() -> None:
    assert _locations("تقع في سهل واسع قرب النهر.") == {}  # no subject and no topic
    assert _locations("السهل الأخضر هو منطقة زراعية. تقع 12 قرية في السهل.") == {}


def _asides(text: str) -> dict[str, tuple[str, str]]:
    return {
        f.subject: (f.answer, f.detail) for f in generate(text).facts if f.type == "description" and f.detail != "thing"
    }


def test_a_description_after_a_comma_and_a_pronoun() -> None:
    text = "بنى الملك القلعة الحمراء، وهي قلعة حجرية قديمة."
    assert _asides(text) == {"القلعة الحمراء": ("قلعة حجرية قديمة", "aside")}
    prompts = {q.prompt: q.answer for q in generate(text).questions if q.answer_type == "description"}
    assert prompts["ما هي القلعة الحمراء؟"] == "قلعة حجرية قديمة"


def test_an_aside_is_not_the_article_topic() -> None:
    text = "بنى الملك القلعة الحمراء، وهي قلعة حجرية قديمة. وتقع في أعلى التل."
    assert _locations(text) == {}


def test_the_pronoun_must_agree_with_the_phrase() -> None:
    assert _asides("وزار الوفد مدينة الرمال، وهو وفد رسمي.") == {}  # هو is the delegation, not the city
    assert _asides("وصل هؤلاء الجنود، وهم فرقة صغيرة.") == {}  # a demonstrative is no subject to describe


def _considered(text: str) -> dict[str, str]:
    return {f.subject: f.answer for f in generate(text).facts if f.detail.startswith("considered:")}


def test_what_something_is_considered() -> None:
    text = "ويعد التهاب الأعصاب حالة طبية خطيرة. ومدينة النخيل تعتبر أجمل مدينة في الإقليم."
    assert _considered(text) == {
        "التهاب الأعصاب": "حالة طبية خطيرة",  # an indefinite head with its definite complement
        "مدينة النخيل": "أجمل مدينة في الإقليم",  # the subject before the verb, without its و
    }
    prompts = {q.prompt: q.answer for q in generate(text).questions if q.mode == "typed"}
    assert prompts["ماذا يعد التهاب الأعصاب؟"] == "حالة طبية خطيرة"
    assert prompts["ماذا تعتبر مدينة النخيل؟"] == "أجمل مدينة في الإقليم"


def test_a_considered_verb_without_subject_is_about_the_topic() -> None:
    text = "الوادي الأخضر هو منطقة زراعية واسعة. ويعد أكبر منطقة زراعية في البلاد."
    assert _considered(text) == {"الوادي الأخضر": "أكبر منطقة زراعية في البلاد"}  # "أكبر" opens the predicate


def test_no_considered_fact_when_subject_and_predicate_cannot_be_told_apart() -> None:
    assert _considered("الوادي الأخضر هو منطقة زراعية. ويعتبر المركز الأول في الإنتاج.") == {}
    assert _considered("ويعد الطباخ الطعام للضيوف.") == {}  # an active verb with its object


def _why(text: str) -> dict[str, str]:
    return {q.prompt: q.answer for q in generate(text).questions if q.answer_type == "cause" and q.mode == "typed"}


def test_a_cause_is_asked_with_why() -> None:
    text = "وتوقف العمل في المصنع بسبب نقص المواد الخام، ثم عاد بعد شهر."
    assert _why(text) == {"لماذا توقف العمل في المصنع؟": "نقص المواد الخام"}  # "نقص" is a noun after بسبب


def test_no_cause_question_about_a_pronoun_or_a_clause() -> None:
    assert _why("وتأخر القطار بسبب ذلك.") == {}
    assert _why("وتأخر القطار بسبب أن الطريق مغلق.") == {}


def test_no_question_ends_on_a_negation() -> None:
    prompts = [q.prompt for q in generate("إلا أن المدينة لم تزدهر بسبب ضعف التجارة فيها.").questions]
    assert not any(p.rstrip("؟").split()[-1] in {"لم", "لن"} for p in prompts)


def test_a_description_keeps_the_relative_clause_on_its_noun() -> None:
    text = "الحمى النهرية هي مجموعة من الأعراض التي تصيب الصيادين في المواسم الممطرة، وتزول بالراحة."
    found = {f.subject: f.answer for f in generate(text).facts if f.type == "description"}
    assert found == {"الحمى النهرية": "مجموعة من الأعراض التي تصيب الصيادين في المواسم الممطرة"}


def _foreign_names(text: str) -> dict[str, str]:
    return {f.subject: f.answer for f in generate(text).facts if f.type == "alias" and f.detail.startswith("lang:")}


def test_a_foreign_name_after_a_chain_of_other_names() -> None:
    text = "الحمى الصفراء أو داء الكبد الأصفر (اسم قديم) أو الحمى النزفية وغيرها (باللاتينية: Febris flava) هي مرض."
    assert _foreign_names(text) == {"الحمى الصفراء": "Febris flava"}


def test_a_foreign_name_followed_by_its_origin() -> None:
    text = "الزراعة (بالإنجليزية: Agriculture مشتقة من اللاتينية) هي فلاحة الأرض."
    assert _foreign_names(text) == {"الزراعة": "Agriculture"}


def test_no_distractor_is_another_description_of_the_same_subject() -> None:
    text = (
        "الوادي الأخضر هو منطقة زراعية واسعة. ويعد الوادي الأخضر أكبر منطقة زراعية في البلاد. "
        "النهر الأزرق هو مجرى مائي طويل. الجبل الأبيض هو قمة صخرية عالية. "
        "البحيرة الصافية هي بحيرة عذبة صغيرة. الغابة الكثيفة هي منطقة أشجار مطيرة."
    )
    choices = {q.prompt: q.choices for q in generate(text).questions if q.mode == "choice"}
    assert "ماذا يعد الوادي الأخضر؟" in choices
    assert "منطقة زراعية واسعة" not in choices["ماذا يعد الوادي الأخضر؟"]
    assert "أكبر منطقة زراعية في البلاد" not in choices["ما هو الوادي الأخضر؟"]


def test_a_sentence_opening_with_a_pronoun_describes_the_topic_again() -> None:
    text = "البحيرة الصافية هي بحيرة عذبة صغيرة. وهي أعمق بحيرة في الإقليم الشمالي. وهي تجف صيفا."
    further = {f.answer for f in generate(text).facts if f.detail == "further"}
    assert further == {"أعمق بحيرة في الإقليم الشمالي"}  # "وهي تجف": a verb, no description
    prompts = {q.prompt: q.answer for q in generate(text).questions if q.mode == "typed"}
    assert prompts["بماذا توصف البحيرة الصافية أيضًا؟"] == "أعمق بحيرة في الإقليم الشمالي"
    assert prompts["ما هي البحيرة الصافية؟"] == "بحيرة عذبة صغيرة"


def _examples(text: str) -> dict[str, str]:
    return {q.prompt: q.answer for q in generate(text).questions if q.answer_type == "examples"}


def test_the_examples_after_such_as() -> None:
    text = "وتنتشر اللغة في بلدان مثل اليمن وعمان والصومال. وزارها تجار من دول أخرى مثل فارس، الروم، الحبشة."
    assert _examples(text) == {
        "ما أمثلة البلدان المذكورة في النص؟": "اليمن وعمان والصومال",
        "ما أمثلة الدول المذكورة في النص؟": "فارس، الروم، الحبشة",  # "أخرى" left out, the list through commas
    }


def test_no_examples_of_the_verb_or_after_a_comma() -> None:
    assert _examples("وقد مثل في مسرحية قديمة.") == {}  # مثّل 'acted'
    assert _examples("عاشت هنا شعوب كثيرة، مثل الفرس والروم.") == {}  # examples of what: no telling


def _meanings(text: str) -> dict[str, str]:
    return {q.prompt: q.answer for q in generate(text).questions if q.answer_type == "meaning" and q.mode == "typed"}


def test_what_a_term_means() -> None:
    text = 'وأصل الاسم من الكلمة اللاتينية (mare) والتي تعني البحر المالح. ولقب "الأمين" فهو يعني "الصادق".'
    assert _meanings(text) == {"ما معنى mare؟": "البحر المالح", "ما معنى لقب الأمين؟": "الصادق"}


def test_no_meaning_of_an_aside_or_a_clause() -> None:
    assert _meanings('وجاء الاسم (وهو "قديم" جدا) يعني "الجبل".') == {}
    assert _meanings("وهذا يعني أن الطريق مغلق.") == {}


def test_a_definition_after_a_chain_of_other_names() -> None:
    text = "الحمى الصفراء أو داء الكبد الأصفر (اسم قديم) أو الحمى النزفية (باللاتينية: Febris flava) هي مرض فيروسي حاد."
    found = {f.subject: f.answer for f in generate(text).facts if f.type == "description"}
    assert found == {"الحمى الصفراء": "مرض فيروسي حاد"}


def test_considered_among_the_first() -> None:
    text = "ويعتبر الصياد الماهر من أوائل البحارة في المنطقة. ويعتبر الصياد العجوز من القرية."
    assert _considered(text) == {"الصياد الماهر": "من أوائل البحارة في المنطقة"}  # "من القرية": no rank
