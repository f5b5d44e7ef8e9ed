"""Extractors and question kinds on real-looking news sentences of other topics."""

from __future__ import annotations

import re

from quiz.generation import Generated, generate


def facts_of(text: str, type_: str) -> list[str]:
    return [f.text for f in generate(text).facts if f.type == type_]


def questions(text: str, kind: str) -> list[tuple[str, str]]:
    return [(q.prompt, q.answer) for q in generate(text).questions if q.kind == kind]


def test_dates_in_three_month_series_and_full_dates() -> None:
    text = (
        "وقع الاتفاق في 13 أكتوبر 1958 في القاهرة.\n"
        "وافتتح المعرض في 5 كانون الثاني 2023 في بيروت.\n"
        "وانطلقت الدورة في 20 جانفي 2024 بالجزائر.\n"
        "وأعلن البنك أن النمو سيتحسن في حزيران المقبل."
    )
    dates = facts_of(text, "date")
    assert "13 أكتوبر 1958" in dates
    assert "5 كانون الثاني 2023" in dates
    assert "20 جانفي 2024" in dates


def test_years_durations_weekdays_relative_times() -> None:
    text = (
        "تأسس النادي عام 1920 في المدينة. وفاز الفريق بالبطولة قبل 10 سنوات. "
        "وأقيمت المباراة يوم الخميس الماضي. ومن المتوقع أن يرتفع التضخم العام المقبل."
    )
    generated = generate(text)
    types = {(f.type, f.text) for f in generated.facts}
    assert ("year", "عام 1920") in types
    assert ("duration", "قبل 10 سنوات") in types
    assert ("weekday", "الخميس الماضي") in types  # "last Thursday": the modifier belongs to the answer
    assert ("time", "العام المقبل") in types


def test_counts_with_prefixes_qualifiers_and_words() -> None:
    text = "وأصيب نحو 250 شخصا في الحادث. وشارك في السباق مئة وأربعون عداء من 12 دولة وبـ30 فريقا."
    counts = {f.text: (f.number, f.qualifier) for f in generate(text).facts if f.type == "count"}
    assert counts["نحو 250 شخصا"] == (250, "نحو")
    assert counts["مئة وأربعون عداء"] == (140, "")
    assert counts["12 دولة"] == (12, "")
    assert counts["30 فريقا"] == (30, "")


def test_percentages_and_amounts() -> None:
    text = "وارتفع معدل البطالة إلى 12% هذا العام. وبلغت قيمة الصفقة 500 مليون دولار."
    generated = generate(text)
    assert any(f.type == "percent" and f.number == 12 for f in generated.facts)
    assert any(f.type == "amount" and f.number == 500_000_000 for f in generated.facts)


def test_people_titles_and_appositions() -> None:
    text = (
        "وقال وزير الصحة، أحمد العلي، إن الحملة ستبدأ غدا. "
        "وأكدت الدكتورة مارغريت تشان أن الوضع تحت السيطرة. "
        "وأضاف العلي أن اللقاحات متوفرة."
    )
    generated = generate(text)
    people = [f for f in generated.facts if f.type == "person"]
    assert {p.answer for p in people} == {"أحمد العلي", "مارغريت تشان"}
    assert [p.answer for p in people if p.text == "العلي"] == ["أحمد العلي"]  # a later mention resolves
    roles = {f.subject: f.answer for f in generated.facts if f.type == "role"}
    assert roles == {"أحمد العلي": "وزير الصحة"}
    who = dict(questions(text, "who"))
    assert who["من هو وزير الصحة؟"] == "أحمد العلي"


def test_places_and_organisations_from_the_gazetteer() -> None:
    text = "وصل الوفد إلى باريس قادما من الرباط. وقدمت منظمة الصحة العالمية واليونيسف مساعدات إلى السودان."
    generated = generate(text)
    places = {f.answer: f.detail for f in generated.facts if f.type == "place"}
    assert places == {"باريس": "capital", "الرباط": "capital", "السودان": "country"}
    orgs = {f.answer for f in generated.facts if f.type == "org"}
    assert orgs == {"منظمة الصحة العالمية واليونيسف"}
    where = dict(questions(text, "where"))
    assert "باريس" in where.values()


def test_ambiguous_short_names_need_context() -> None:
    plain = generate("وتقوم الشركة على القاعدة الصلبة من العمال.")
    assert not [f for f in plain.facts if f.type == "org"]
    grouped = generate("وحذر من تنظيمات مثل داعش والقاعدة في المنطقة.")
    assert [f.answer for f in grouped.facts if f.type == "org"] == ["داعش والقاعدة"]


def test_definition_gives_who_is_question() -> None:
    text = "توفيق الحكيم (9 أكتوبر 1898 - 26 يوليو 1987)، كاتب مصري، حصل على جائزة الدولة التقديرية عام 1960."
    generated = generate(text)
    asked = {(q.prompt, q.answer) for q in generated.questions}
    assert ("من هو توفيق الحكيم؟", "كاتب مصري") in asked
    assert ("متى ولد توفيق الحكيم؟", "9 أكتوبر 1898") in asked
    assert ("متى توفي توفيق الحكيم؟", "26 يوليو 1987") in asked


def _kinds(generated: Generated) -> set[str]:
    return {q.kind for q in generated.questions}


def test_every_question_kind_on_an_economy_story() -> None:
    text = (
        "أعلن وزير المالية، خالد الأحمد، اليوم الأحد أن الحكومة ستطلق 15 مشروعا جديدا في عمان العام المقبل.\n"
        "وقال رئيس الوزراء، سمير الحسن، إن الاستثمارات بلغت 300 مليون دولار.\n"
        "وأكدت مديرة البنك المركزي، ليلى العمر، أن 40 شركة و12 مصرفا و7 صناديق شاركت في الخطة.\n"
        "وشارك في المؤتمر أكثر من 200 خبير من 25 دولة."
    )
    generated = generate(text)
    assert {"who", "when", "how_many", "true_false", "cloze", "matching"} <= _kinds(generated)
    matching = [q for q in generated.questions if q.kind == "matching"]
    assert all(len(q.pairs) >= 3 and sorted(q.choices) == sorted(r for _, r in q.pairs) for q in matching)


def test_periods_of_years() -> None:
    generated = generate("ودام حكمهم من عام 1250م إلى عام 1517م.")
    periods = [f.text for f in generated.facts if f.type == "period"]
    assert periods == ["من عام 1250م إلى عام 1517م"]
    question = next(q for q in generated.questions if q.kind == "when" and q.mode == "choice")
    assert question.prompt == "متى دام حكمهم؟"
    assert question.answer == "من عام 1250م إلى عام 1517م"
    assert all(c.startswith("من عام ") and c.endswith("م") for c in question.choices)


def test_decimals_and_scaled_numbers() -> None:
    generated = generate("وبلغ عدد السكان 3.79 مليون نسمة، وارتفعت نسبة المشاركة إلى 45,44% في الانتخابات.")
    facts = {f.text: (f.type, f.number) for f in generated.facts}
    assert facts["3.79 مليون نسمة"] == ("count", 3_790_000)
    assert facts["45,44%"] == ("percent", None)
    percent = [q for q in generated.questions if q.answer == "45,44%" and q.mode == "choice"]
    assert percent and all("," in c and c.endswith("%") for c in percent[0].choices)


def test_names_without_titles_and_nisba_roles() -> None:
    text = "وقد سبقه إلى ذلك الكيميائي الفرنسي لويس باستور. وأسس محمد بن قاسم الإمارة."
    generated = generate(text)
    people = {f.answer: f.detail for f in generated.facts if f.type == "person"}
    assert people["لويس باستور"] == "الفرنسي"
    assert "محمد بن قاسم" in people
    who = {q.prompt: q.answer for q in generated.questions if q.kind == "who"}
    assert who["من أسس الإمارة؟"] == "محمد بن قاسم"


def test_place_names_are_not_people() -> None:
    generated = generate("وزار الوفد مدينة يكاترينبورغ ثم جبل الكرمل.")
    assert not [f for f in generated.facts if f.type == "person"]


def test_preposition_and_question_word_join() -> None:
    text = "وتزوج الأمير في سن الثلاثين من فاطمة بنت أحمد التي أنجب منها أولاده."
    who = [q.prompt for q in generate(text).questions if q.kind == "who"]
    assert who and who[0].startswith("ممن تزوج")


def test_abbreviated_units_are_written_out() -> None:
    text = "وتبعد المدينة عن العاصمة حوالي 1420 كم بالطائرة."
    prompts = [q.prompt for q in generate(text).questions if q.kind == "how_many"]
    assert prompts and all("كم كيلومترا" in p for p in prompts)


def test_birth_and_death_from_a_biography_opening() -> None:
    text = "ماري كوري (بالبولندية: Maria Curie) (7 نوفمبر 1867 – 4 يوليو 1934) عالمة فيزياء بولندية المولد."
    asked = {(q.prompt, q.answer) for q in generate(text).questions}
    assert ("متى ولدت ماري كوري؟", "7 نوفمبر 1867") in asked  # عالمة: a woman
    assert ("متى توفيت ماري كوري؟", "4 يوليو 1934") in asked
    assert ("من هي ماري كوري؟", "عالمة فيزياء بولندية المولد") in asked


def test_amounts_keep_square_units_and_thousands_separators() -> None:
    generated = generate("تبلغ مساحة جمهورية السودان حوالي 1.886.068 كيلومتر مربع، وتقع في شرق أفريقيا.")
    question = next(q for q in generated.questions if q.kind == "how_many" and q.mode == "choice")
    assert question.prompt == "كم كيلومترا مربعا تبلغ مساحة جمهورية السودان؟"
    assert question.answer == "حوالي 1.886.068 كيلومتر مربع"
    for choice in question.choices:
        assert re.fullmatch(r"حوالي \d{1,3}(\.\d{3})+ كيلومتر مربع", choice), choice


def test_vowelled_verb_is_read_as_a_verb() -> None:
    generated = generate("وُلد نجيب محفوظ في حي الجمالية بالقاهرة عام 1911.")
    asked = {(q.prompt, q.answer) for q in generated.questions}
    assert ("متى وُلد نجيب محفوظ في حي الجمالية بالقاهرة؟", "عام 1911") in asked


def test_title_between_role_and_name() -> None:
    text = "وقال ممثل المنظمة في اليمن، الدكتور أدهم إسماعيل، إن الوضع خطير."
    generated = generate(text)
    roles = {f.subject: f.answer for f in generated.facts if f.type == "role"}
    assert roles == {"أدهم إسماعيل": "ممثل المنظمة في اليمن"}


def test_which_question_for_a_subject_organisation() -> None:
    generated = generate("وقدمت منظمة الصحة العالمية مساعدات إلى السودان.")
    asked = {(q.kind, q.prompt, q.answer) for q in generated.questions}
    assert ("what", "أي منظمة قدمت مساعدات إلى السودان؟", "منظمة الصحة العالمية") in asked
    assert ("where", "إلى أين قدمت منظمة الصحة العالمية مساعدات؟", "السودان") in asked


def test_count_as_object_is_asked_with_its_verb() -> None:
    text = "ومن المقرر أن تبدأ حملة تطعيم واسعة في 15 نيسان 2024 تستهدف مليون شخص في المناطق الأكثر تضررا."
    asked = {(q.prompt, q.answer) for q in generate(text).questions if q.kind in {"how_many", "when"}}
    assert ("كم شخصا تستهدف حملة تطعيم واسعة في المناطق الأكثر تضررا؟", "مليون شخص") in asked
    assert ("متى تبدأ حملة تطعيم واسعة؟", "15 نيسان 2024") in asked


def test_scaled_count_distractors_keep_the_scale_word() -> None:
    generated = generate("وحضر المباراة أكثر من 45 ألف متفرج في الملعب.")
    question = next(q for q in generated.questions if q.mode == "choice" and q.kind == "how_many")
    assert question.prompt == "كم متفرجا حضر المباراة في الملعب؟"
    for choice in question.choices:
        assert re.fullmatch(r"أكثر من \d+ ألف متفرج", choice), choice


def test_later_mentions_resolve_by_first_or_family_name_only() -> None:
    text = "وأسس محمد بن عبد الله المدرسة. وقال محمد إن الدرس بدأ. وتوكل الطلاب على الله في الامتحان."
    people = [(f.text, f.answer) for f in generate(text).facts if f.type == "person"]
    assert ("محمد", "محمد بن عبد الله") in people
    assert all(mention != "الله" for mention, _ in people)


def test_ordinal_days_and_hijri_months() -> None:
    text = (
        "بدأت الدورة في الثالث من مايو من عام 1950 في باريس. "
        "ووقعت المعركة في الخامس من شعبان سنة 5 هـ قرب الجبل. "
        "وفي الخامس من آذار 2011 أعلن الاتحاد نتائج التصنيف."
    )
    dates = {f.text: f.key for f in generate(text).facts if f.type == "date"}
    assert dates == {
        "الثالث من مايو من عام 1950": "date:3:5:1950",
        "الخامس من شعبان سنة 5 هـ": "hdate:5:8:5",
        "الخامس من آذار 2011": "date:5:3:2011",
    }
    question = next(q for q in generate(text).questions if q.mode == "choice" and "المعركة" in q.prompt)
    assert question.prompt == "متى وقعت المعركة قرب الجبل؟"
    assert any("رجب" in c or "رمضان" in c for c in question.choices)  # a Hijri month moves within its series


def test_a_hijri_month_name_alone_is_no_date() -> None:
    # صفر 'zero' and رمضان (a name) are dates only with a day, a year or شهر 'month'.
    generated = generate("وكان صفر هو الرقم الذي بدأ به الحساب. وصام الناس في شهر رمضان.")
    assert [f.text for f in generated.facts if f.type == "date"] == ["رمضان"]


def test_ranges_of_numbers_are_one_answer() -> None:
    text = (
        "وتعيش السلاحف في المحميات بين 3 و5 أعوام. وأدى الزلزال إلى تشريد ما بين 20 و30 ألف زائر. "
        "وتحتاج البذور من 3-4 أيام قبل الإنبات. ويبلغ عرض الوادي من 10 إلى 20 كيلومترا."
    )
    generated = generate(text)
    ranges = {f.text: f.type for f in generated.facts if f.detail == "range"}
    assert ranges == {
        "بين 3 و5 أعوام": "duration",
        "ما بين 20 و30 ألف زائر": "count",
        "من 3-4 أيام": "duration",
        "من 10 إلى 20 كيلومترا": "amount",
    }
    question = next(q for q in generated.questions if q.mode == "choice" and q.answer == "بين 3 و5 أعوام")
    percents = generate("وتراوحت نسبة المشاركة من 40% إلى 45% في المدن.").facts
    assert [(f.text, f.detail) for f in percents if f.type == "percent"] == [("من 40% إلى 45%", "range")]
    assert question.prompt == "كم عاما تعيش السلاحف في المحميات؟"  # "بين" belongs to the answer, not to كم
    for choice in question.choices:  # the range moves as a whole and keeps its width
        low, high = (int(x) for x in re.findall(r"\d+", choice))
        assert high - low == 2


def test_qualifiers_with_an_attached_preposition() -> None:
    text = "وحكمت الأسرة البلاد لما يقرب من 300 سنة. وظل الجسر صامدا لمدة لا تقل عن 40 سنة."
    facts = {f.text for f in generate(text).facts if f.type == "duration"}
    assert facts == {"ما يقرب من 300 سنة", "لمدة لا تقل عن 40 سنة"}
    prompts = {q.prompt for q in generate(text).questions if q.kind == "how_many"}
    assert "كم سنة حكمت الأسرة البلاد؟" in prompts
    assert "لمدة كم سنة ظل الجسر صامدا؟" in prompts


def test_an_attached_bi_is_asked_with_bikam() -> None:
    prompts = {q.prompt: q.answer for q in generate("ويقدر عدد سكان الإقليم بحوالي 4 ملايين نسمة.").questions}
    assert prompts["بكم نسمة يقدر عدد سكان الإقليم؟"] == "حوالي 4 ملايين نسمة"


def test_counted_plurals_are_asked_in_the_singular() -> None:
    text = "وتنقسم الولاية إلى ثماني مناطق إدارية. وفاز النادي بالكأس ثمان مرات. وتضم البلاد خمسة أقاليم اتحادية."
    prompts = {q.prompt for q in generate(text).questions if q.kind == "how_many"}
    assert "إلى كم منطقة إدارية تنقسم الولاية؟" in prompts
    assert "كم مرة فاز النادي بالكأس؟" in prompts
    assert "كم إقليما تضم البلاد؟" in prompts  # a feminine adjective would not agree with إقليما


def test_ordinals_are_no_counts() -> None:
    generated = generate("وتحتل المدينة المرتبة التاسعة عشر عالميا. وعاش الشاعر في القرن الثاني عشر.")
    assert not [f for f in generated.facts if f.type == "count"]


def test_an_ambiguous_first_word_is_the_verb_of_a_verbless_clause() -> None:
    # قدر is 'was estimated' or 'fate'; with no other verb in its clause, it is the verb.
    prompts = {q.prompt for q in generate("وقدر عدد سكان المدينة بـ3 ملايين نسمة عام 2010.").questions}
    assert "بكم نسمة قدر عدد سكان المدينة؟" in prompts
    noun_first = {q.prompt for q in generate("عدد السكان يبلغ 5 ملايين نسمة.").questions}
    assert "كم نسمة يبلغ عدد السكان؟" in noun_first


def _definitions(text: str) -> dict[str, tuple[str, str]]:
    return {f.subject: (f.answer, f.detail) for f in generate(text).facts if f.type == "description"}


def test_definitions_after_asides_and_without_a_comma() -> None:
    text = (
        "سليم الخوري، المعروف بلقب شاعر الجبل، هو أحد رواد الشعر العربي الحديث، عاش في بيروت.\n"
        "خالد منصور أحد أبطال المقاومة الشعبية، كان مناضلا شجاعا.\n"
        "حسن الطويل روائي وكاتب مسرحي مصري من جيل الستينيات، ولد في الإسكندرية.\n"
        "النحاس فلز أحمر اللون يوصل الكهرباء جيدا.\n"
        "المملكة الهاشمية، أو الأردن، هي بلد عربي يقع في غرب آسيا، عاصمته عمان."
    )
    found = _definitions(text)
    assert found["سليم الخوري"] == ("أحد رواد الشعر العربي الحديث", "person")
    assert found["خالد منصور"] == ("أحد أبطال المقاومة الشعبية", "person")
    assert found["حسن الطويل"] == ("روائي وكاتب مسرحي مصري من جيل الستينيات", "person")
    assert found["النحاس"] == ("فلز أحمر اللون", "thing")  # the clause "يوصل الكهرباء" is no part of it
    assert found["المملكة الهاشمية"] == ("بلد عربي", "thing")
    prompts = {q.prompt for q in generate(text).questions if q.answer_type == "description"}
    assert {"من هو سليم الخوري؟", "من هو حسن الطويل؟", "ما هو النحاس؟", "ما هي المملكة الهاشمية؟"} <= prompts


def test_a_description_stops_before_a_clause() -> None:
    found = _definitions("الإمارة، أو المشيخة، هي دولة صغيرة أسسها الشيخ راشد عام 1820، وظلت قائمة.")
    assert found == {"الإمارة": ("دولة صغيرة", "thing")}


def test_no_definition_of_a_pronoun_a_title_or_a_number() -> None:
    text = "عاصمتها المنامة وهي أكبر مدنها. السيد كمال حداد، رئيس البلدية، افتتح السوق. اثنان من اللاعبين، مصابان."
    assert _definitions(text) == {}


def test_the_text_copula_chooses_the_pronoun() -> None:
    text = "ملوك الدولة الحفصية هم مجموعة من الحكام البربر حكموا تونس قرونا."
    prompts = {q.prompt: q.answer for q in generate(text).questions if q.answer_type == "description"}
    assert prompts["من هم ملوك الدولة الحفصية؟"] == "مجموعة من الحكام البربر"


def _who(text: str) -> dict[str, str]:
    return {q.prompt: q.answer for q in generate(text).questions if q.kind == "who" and q.mode == "typed"}


def test_who_founded_it_resolves_the_object_pronoun() -> None:
    who = _who(
        "وأقدم هذه الممالك مملكة الحجاز التي أسسها الأمير فيصل بن حسين. وهي قلعة حصينة بناها الأمير خالد بن سعيد."
    )
    assert who["من أسس مملكة الحجاز؟"] == "فيصل بن حسين"
    assert who["من بنى قلعة حصينة؟"] == "خالد بن سعيد"


def test_regnal_numbers_and_occupation_titles_belong_to_names() -> None:
    text = "وهزم الجيش بالقيصر الروسي بطرس الأول في المعركة. وقد نسب الوصف إلى مؤرخ الفن رينيه شارتييه."
    people = {f.answer: f.detail for f in generate(text).facts if f.type == "person"}
    assert people == {"بطرس الأول": "القيصر الروسي", "رينيه شارتييه": "مؤرخ الفن"}
    assert _who(text)["من هو مؤرخ الفن؟"] == "رينيه شارتييه"


def test_places_named_after_people_are_no_people() -> None:
    text = "وافتتح جسر الملك عبد الله فوق النهر. ووصلت السفن إلى ميناء بورت سعيد."
    assert not [f for f in generate(text).facts if f.type == "person"]


def test_no_person_from_an_adjective() -> None:
    text = "وكان مهندس برمجيات فرنسي الجنسية."
    assert not [f for f in generate(text).facts if f.type == "person"]


def test_tanween_ends_a_name() -> None:
    text = "وأرسل القائد سعيدٌ خالدَ بن الوليد إلى الشمال."
    assert all("سعيدٌ خالد" not in f.answer for f in generate(text).facts if f.type == "person")


def _aliases(text: str) -> dict[str, str]:
    return {q.prompt: q.answer for q in generate(text).questions if q.answer_type == "name" and q.mode == "typed"}


def test_other_names_of_the_subject() -> None:
    text = (
        "تونس أو رسمياً الجمهورية التونسية هي بلد عربي يقع في شمال أفريقيا.\n"
        "الملاريا أو البرداء (بالإنجليزية: Malaria) مرض تسببه طفيليات.\n"
        "السيد أحمد عرابي، الشهير بزعيم الفلاحين، هو قائد الثورة العرابية.\n"
        "معركة ملاذكرد وتسمى أيضا الوقعة الكبرى هي معركة وقعت عام 1071."
    )
    asked = _aliases(text)
    assert asked["ما الاسم الرسمي لتونس؟"] == "الجمهورية التونسية"
    assert asked["ما الاسم الآخر للملاريا؟"] == "البرداء"
    assert asked["ما اسم الملاريا بالإنجليزية؟"] == "Malaria"
    assert asked["بماذا يُعرف أحمد عرابي أيضًا؟"] == "زعيم الفلاحين"
    assert asked["بماذا تُسمّى معركة ملاذكرد أيضًا؟"] == "الوقعة الكبرى"


def test_naming_words_that_name_nothing() -> None:
    text = (
        "عُرف الحاكم عند الناس بالعدل. ويسمى هذا الطريق في الشمال بالطريق الملكي. "
        "والمنطقة التي تسمى بالهلال الخصيب خصبة. وكان المعروف أنه يحب الشعر."
    )
    assert _aliases(text) == {}


def test_a_name_in_another_language_belongs_to_the_word_before_it() -> None:
    text = "القطط من فصيلة السنوريات التي تضم جنس النمر (باللاتينية: Panthera) وأجناسا أخرى."
    assert _aliases(text) == {}


def test_centuries_and_regions_get_distractors_of_their_kind() -> None:
    generated = generate("صار الأمير قائدا مشهورا في آسيا خلال القرن الخامس عشر.")
    choices = {q.answer: q.choices for q in generated.questions if q.mode == "choice"}
    assert set(choices["القرن الخامس عشر"]) <= {
        "القرن الثالث عشر",
        "القرن الرابع عشر",
        "القرن الخامس عشر",
        "القرن السادس عشر",
        "القرن السابع عشر",
    }
    continents = {"أفريقيا", "أوروبا", "آسيا", "أمريكا اللاتينية", "أمريكا الشمالية", "أمريكا الجنوبية", "أوقيانوسيا"}
    assert set(choices["آسيا"]) <= continents


def test_later_mentions_take_the_whole_name_and_not_an_eponym() -> None:
    text = (
        "وصف الطبيب الألماني كارل فيرنيكه المرض أول مرة. وبقي ربط متلازمة فيرنيكه بالكحول شائعا. "
        "وكتب فيرنيكه مقالا عن المرض."
    )
    mentions = [f.text for f in generate(text).facts if f.type == "person"]
    assert mentions == ["كارل فيرنيكه", "فيرنيكه"]


def test_periods_with_until_and_between() -> None:
    text = "ودام الحصار سبعة أعوام فيما بين 1830 وحتى 1847. واستضافت المدينة الدورة ما بين 3 مارس ولغاية 9 أبريل."
    periods = [f.text for f in generate(text).facts if f.type == "period"]
    assert periods == ["فيما بين 1830 وحتى 1847", "ما بين 3 مارس ولغاية 9 أبريل"]


def test_a_title_is_no_name_and_a_role_never_ends_on_a_preposition() -> None:
    text = "وغير الحاكم لقبه من أمير الإقليم إلى ملك البلاد، وحكم طويلا."
    assert not [f for f in generate(text).facts if f.type in {"person", "role"}]


def test_a_date_in_two_calendars_is_one_answer() -> None:
    periods = [
        f.text for f in generate("وبنى الأمير القلعة سنة 1200 هـ / 1786 ثم غادر المدينة.").facts if f.type == "period"
    ]
    assert periods == ["سنة 1200 هـ / 1786"]


def test_borders_capitals_and_largest_cities() -> None:
    text = (
        "الأردن بلد عربي يقع في غرب آسيا، عاصمته عمان وأكبر مدنه عمان. "
        "يحده من الشمال سوريا، ومن الشرق العراق، ومن الجنوب السعودية."
    )
    asked = {q.prompt: q.answer for q in generate(text).questions if q.mode == "choice"}
    assert asked["ما عاصمة الأردن؟"] == "عمان"
    assert asked["ما الذي يحد الأردن من الشمال؟"] == "سوريا"
    assert asked["ما الذي يحد الأردن من الشرق؟"] == "العراق"
    swiss = {
        q.prompt: q.answer for q in generate("تقع النمسا وسط القارة الأوروبية، وتحدها ألمانيا من الشمال.").questions
    }
    assert swiss["ما الذي يحد النمسا من الشمال؟"] == "ألمانيا"


def test_names_in_other_languages_and_after_brackets() -> None:
    text = (
        "المملكة المتحدة (بالإنجليزية: United Kingdom يونايتد كينغدم) دولة في أوروبا.\n"
        "الجوكر (باللُغةِ الفرنسيةِ: Le Joker) أو المهرج (بالإيطالية: Il Giullare) هي لوحة شهيرة.\n"
        "الدولة الصفوية (بالفارسية القديمة: دولت صفويه؛ بالفارسية الحديثة: Dowlat-e Safavi) دولة تاريخية."
    )
    asked = _aliases(text)
    assert asked["ما اسم المملكة المتحدة بالإنجليزية؟"] == "United Kingdom"
    assert asked["ما الاسم الآخر للجوكر؟"] == "المهرج"
    assert asked["ما اسم الجوكر باللغة الفرنسية؟"] == "Le Joker"
    assert asked["ما اسم الدولة الصفوية بالفارسية الحديثة؟"] == "Dowlat-e Safavi"


def test_a_biography_in_two_calendars() -> None:
    text = "السلطان قايتباي المحمودي (815 - 901 هـ / 1412 - 1496 م)، حاكم مملوكي حكم مصر."
    generated = generate(text)
    periods = [f.text for f in generated.facts if f.type == "period"]
    assert periods == ["815 - 901 هـ", "1412 - 1496 م"]  # the slash joins two periods, not 901 and 1412
    assert not [f for f in generated.facts if f.type in {"count", "amount"}]  # "هـ" and "م" count nothing
    asked = {(q.prompt, q.answer) for q in generated.questions if q.mode == "choice"}
    assert ("متى ولد قايتباي المحمودي؟", "1412") in asked
    assert ("متى توفي قايتباي المحمودي؟", "1496 م") in asked


def test_an_organisation_alone_makes_a_blank_and_a_list_does_not() -> None:
    generated = generate("وانضمت البلاد إلى منظمة الصحة العالمية. وحذر من تنظيمات مثل داعش والقاعدة في المنطقة.")
    blanks = [q.answer for q in generated.questions if q.kind == "cloze"]
    assert "منظمة الصحة العالمية" in blanks
    assert "داعش والقاعدة" not in blanks
