"""The forms teachers fill in inside the admin: articles, questions and their choices, images, flashcards."""

from __future__ import annotations

from typing import Any, BinaryIO, cast

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.forms.models import BaseInlineFormSet
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from quiz import services
from quiz.images import ImageRejected, PreparedImage, prepare_image
from quiz.models import Article, Image, Question, Sentence, VocabItem, choice_problems
from quiz.parsing import MAX_BYTES, ArticleError, ParsedArticle, parse_article, parse_article_bytes

ARTICLE_ERRORS = {
    "empty": _("The article is empty."),
    "too_large": _("The article is over 1 MB. Is this the right file?"),
    "not_utf8": _("The file is not UTF-8 text. Save it as plain text (UTF-8) and upload it again."),
    "not_arabic": _("The text is not Arabic."),
    "no_body": _("No article text was found: paste the whole article, with its paragraphs."),
}

IMAGE_ERRORS = {
    "empty": _("The file is empty."),
    "too_large": _("The picture is over 10 MB. Choose a smaller one."),
    "not_image": _("The file is not a JPEG, PNG or WebP picture."),
    "too_many_pixels": _("The picture has more than 40 million pixels. Choose a smaller one."),
    "broken": _("The picture is damaged or incomplete. Save it again and upload the new file."),
}

ARABIC_TEXT = {"dir": "rtl", "lang": "ar"}


# Articles --------------------------------------------------------------------------------------------------------


class ArticleForm(forms.ModelForm):
    """An article from pasted text or an uploaded .txt file, read by the same parser as `import_article`."""

    pasted = forms.CharField(
        label=_("Article text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 14, **ARABIC_TEXT}),
        help_text=_("Paste the whole article as copied from the news page: title, lead, paragraphs and captions."),
    )
    upload = forms.FileField(
        label=_("Or a text file"),
        required=False,
        widget=forms.FileInput(attrs={"accept": ".txt,text/plain"}),
        help_text=_("A .txt file in UTF-8, at most 1 MB."),
    )
    text_required = True

    class Meta:
        model = Article
        fields = ["questions_per_quiz"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.parsed: ParsedArticle | None = None

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        pasted: str = cleaned.get("pasted") or ""
        upload: UploadedFile | None = cleaned.get("upload")
        if pasted and upload:
            raise ValidationError(_("Paste the text or choose a file, not both."))
        if not pasted and not upload:
            if self.text_required:
                raise ValidationError(_("Paste the article text or choose a .txt file."))
            return cleaned
        field = "upload" if upload else "pasted"
        try:
            self.parsed = self._parse(pasted, upload)
        except ArticleError as error:
            self.add_error(field, ARTICLE_ERRORS[error.code])
            return cleaned
        except ValidationError as error:
            self.add_error(field, error)
            return cleaned
        same = Article.objects.filter(content_hash=services.content_hash(self.parsed)).exclude(pk=self.instance.pk)
        duplicate = same.first()
        if duplicate is not None:
            self.parsed = None
            self.add_error(field, _("This article is already here: “%(title)s”.") % {"title": duplicate.title})
        return cleaned

    @staticmethod
    def _parse(pasted: str, upload: UploadedFile | None) -> ParsedArticle:
        if upload is None:
            return parse_article(pasted)
        if not (upload.name or "").lower().endswith(".txt"):
            raise ValidationError(_("Choose a .txt file (plain text)."))
        if (upload.size or 0) > MAX_BYTES:
            raise ArticleError("too_large")
        return parse_article_bytes(upload.read())


class ArticleChangeForm(ArticleForm):
    """The article's settings; pasting or uploading a new text replaces the old one."""

    text_required = False

    class Meta:
        model = Article
        fields = ["title", "topic", "questions_per_quiz"]
        widgets = {"title": forms.TextInput(attrs={"size": 80, **ARABIC_TEXT}), "topic": forms.TextInput(ARABIC_TEXT)}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["pasted"].label = _("New text")
        self.fields["pasted"].help_text = _(
            "Leave empty to keep the text. A new text is read again and its questions generated again; "
            "questions you wrote, approved, rejected or edited stay as they are."
        )
        self.fields["upload"].label = _("Or a new text file")


# Questions -------------------------------------------------------------------------------------------------------


class LinesField(forms.CharField):
    """A list of short texts, one a line."""

    widget = forms.Textarea(attrs={"rows": 3, **ARABIC_TEXT})

    def prepare_value(self, value: Any) -> Any:
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        if isinstance(value, list):
            return value
        return [line.strip() for line in str(value or "").splitlines() if line.strip()]


class PairsField(forms.CharField):
    """Matching pairs, one a line: left | right."""

    widget = forms.Textarea(attrs={"rows": 4, **ARABIC_TEXT})

    def prepare_value(self, value: Any) -> Any:
        return "\n".join(f"{left} | {right}" for left, right in value) if isinstance(value, list) else value

    def to_python(self, value: Any) -> list[list[str]]:  # type: ignore[override]
        if isinstance(value, list):
            return value
        pairs = []
        for n, line in enumerate(str(value or "").splitlines(), 1):
            if not line.strip():
                continue
            left, bar, right = line.partition("|")
            if not bar or not left.strip() or not right.strip():
                raise ValidationError(
                    _("Line %(n)d is not a pair: write the two sides with | between them.") % {"n": n}
                )
            pairs.append([left.strip(), right.strip()])
        return pairs


class EvidenceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Sentence) -> str:
        return f"{obj.position + 1}. {Truncator(obj.text).chars(160)}"


class QuestionForm(forms.ModelForm):
    accepted = LinesField(
        label=_("Also accepted"), required=False, help_text=_("Other answers that count as right, one a line.")
    )
    pairs = PairsField(
        label=_("Pairs"), required=False, help_text=_("For matching: one pair a line, the two sides split by |.")
    )
    evidence = EvidenceField(
        queryset=Sentence.objects.none(),
        label=_("Evidence sentence"),
        help_text=_("The sentence of the article that proves the answer."),
        error_messages={
            "required": _("Choose the sentence of the article that proves the answer."),
            "invalid_choice": _("Choose a sentence of this question's article."),
        },
    )

    class Meta:
        model = Question
        fields = ["article", "kind", "mode", "prompt", "answer", "accepted", "tolerance", "pairs", "evidence", "status"]
        widgets = {
            "prompt": forms.Textarea(attrs={"rows": 3, **ARABIC_TEXT}),
            "answer": forms.TextInput(attrs={"size": 60, **ARABIC_TEXT}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "answer" in self.fields:
            self.fields["answer"].required = False
            self.fields["answer"].help_text = _(
                "For multiple choice and true or false, the right choice below is the answer."
            )
        article_id = self._article_id()
        evidence = self.fields["evidence"]
        assert isinstance(evidence, EvidenceField)
        if article_id is not None:
            evidence.queryset = Sentence.objects.filter(article_id=article_id).order_by("position")
            return
        # No article chosen yet: every article's sentences, grouped under its title; the choice is checked on save.
        sentences = Sentence.objects.select_related("article").order_by("article__title", "article_id", "position")
        evidence.queryset = sentences
        groups: dict[int, tuple[str, list[tuple[int, str]]]] = {}
        for sentence in sentences:
            title = Truncator(sentence.article.title).chars(80)
            groups.setdefault(sentence.article_id, (title, []))[1].append(
                (sentence.pk, evidence.label_from_instance(sentence))
            )
        evidence.choices = [("", "---------"), *groups.values()]

    def _article_id(self) -> int | None:
        if self.instance.article_id:
            return self.instance.article_id
        raw = self.data.get(self.add_prefix("article")) if self.is_bound else self.initial.get("article")
        if isinstance(raw, Article):
            return raw.pk
        try:
            return int(str(raw))
        except (TypeError, ValueError):
            return None

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        article = cleaned.get("article") or (self.instance.article if self.instance.article_id else None)
        evidence: Sentence | None = cleaned.get("evidence")
        if article is not None and evidence is not None and evidence.article_id != article.pk:
            self.add_error("evidence", _("Choose a sentence of this question's article."))
        mode = cleaned.get("mode")
        if mode == Question.Mode.TYPED and not cleaned.get("answer"):
            self.add_error("answer", _("A typed-answer question needs its answer."))
        if mode == Question.Mode.MATCHING and len(cleaned.get("pairs") or []) < 2:
            self.add_error("pairs", _("A matching question needs two or more pairs."))
        return cleaned


class ChoiceFormSet(BaseInlineFormSet):  # type: ignore[type-arg]
    """The rules every question's choices follow (see ``quiz.models.choice_problems``)."""

    def clean(self) -> None:
        super().clean()
        if any(self.errors):
            return
        mode = self.instance.mode
        if mode == Question.Mode.MATCHING:
            return  # a matching question's choices are made from its pairs when it is saved
        choices = [
            (form.cleaned_data["text"], bool(form.cleaned_data.get("is_correct")))
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE") and form.cleaned_data.get("text")
        ]
        problems = choice_problems(mode, choices)
        if problems:
            raise ValidationError(problems)


# Images ----------------------------------------------------------------------------------------------------------


class ImageForm(forms.ModelForm):
    """A picture with its text alternative; the file is checked and prepared by ``quiz.images``."""

    upload = forms.FileField(
        label=_("Picture"),
        required=False,
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text=_("JPEG, PNG or WebP, at most 10 MB."),
    )

    class Meta:
        model = Image
        fields = ["upload", "alt", "credit", "position"]
        widgets = {"alt": forms.TextInput(attrs={"size": 50}), "credit": forms.TextInput(attrs={"size": 25})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.prepared: PreparedImage | None = None

    def clean_upload(self) -> UploadedFile | None:
        upload: UploadedFile | None = self.cleaned_data.get("upload")
        if upload is None:
            if not self.instance.pk:
                raise ValidationError(_("Choose a picture: JPEG, PNG or WebP."))
            return None
        try:
            self.prepared = prepare_image(cast(BinaryIO, upload), upload.size or 0)
        except ImageRejected as error:
            raise ValidationError(IMAGE_ERRORS[error.code]) from None
        return upload

    def save(self, commit: bool = True) -> Image:
        image = super().save(commit=False)
        if self.prepared is not None:
            return services.image_store(image=image, prepared=self.prepared)
        if commit:
            image.save()
        return image


# Flashcards ------------------------------------------------------------------------------------------------------


class VocabItemForm(forms.ModelForm):
    class Meta:
        model = VocabItem
        fields = ["lemma", "lemma_vowelled", "root", "pos", "gloss", "gloss_trusted"]
        widgets = {
            "lemma": forms.TextInput(ARABIC_TEXT),
            "lemma_vowelled": forms.TextInput(ARABIC_TEXT),
            "root": forms.TextInput(ARABIC_TEXT),
            "gloss": forms.TextInput(attrs={"size": 60, "dir": "ltr", "lang": "en"}),
        }

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        # The article is read-only on the change page, so Django leaves the (article, lemma) constraint unchecked.
        article_id: int | None = self.instance.article_id or getattr(cleaned.get("article"), "pk", None)
        lemma = cleaned.get("lemma")
        if article_id is None or not lemma:
            return cleaned
        if VocabItem.objects.filter(article_id=article_id, lemma=lemma).exclude(pk=self.instance.pk).exists():
            self.add_error("lemma", _("This article already has a card for “%(lemma)s”.") % {"lemma": lemma})
        return cleaned
