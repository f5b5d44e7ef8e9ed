"""The teacher's UI: articles, questions and their choices, images, flashcards, results and reports.

Teachers are staff accounts in the Teachers group (migration 0005, `manage.py create_teacher`); what each page
allows follows the group's permissions, and every custom view checks them itself.
"""

from __future__ import annotations

import secrets
from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.text import Truncator
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from quiz import banks, reports, services
from quiz.admin_forms import (
    ARABIC_TEXT,
    ArticleChangeForm,
    ArticleForm,
    ChoiceFormSet,
    ImageForm,
    QuestionForm,
    VocabItemForm,
)
from quiz.generation import distractors
from quiz.models import Article, Attempt, Choice, Image, Question, Response, VocabItem

admin.site.site_header = _("Quizsite: teachers")
admin.site.site_title = _("Quizsite teachers")
admin.site.index_title = _("Articles, questions and results")

RESULT_PERMISSIONS = ("quiz.view_attempt", "quiz.view_response")


def can_view_results(request: HttpRequest) -> bool:
    return request.user.has_perms(RESULT_PERMISSIONS)


def download(content: str, filename: str, content_type: str = "text/csv") -> HttpResponse:
    response = HttpResponse(content, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


# Images ----------------------------------------------------------------------------------------------------------


class ImageInline(admin.TabularInline):
    model = Image
    form = ImageForm
    extra = 0
    fields = ["preview", "upload", "alt", "credit", "position"]
    readonly_fields = ["preview"]
    verbose_name = _("picture")
    verbose_name_plural = _("pictures")

    @admin.display(description=_("Now"))
    def preview(self, image: Image) -> str:
        if not image.thumbnail:
            return "—"
        return format_html('<img class="admin-thumbnail" src="{}" alt="{}">', image.thumbnail.url, image.alt)


class ArticleImageInline(ImageInline):
    fk_name = "article"


class QuestionImageInline(ImageInline):
    fk_name = "question"


# Articles --------------------------------------------------------------------------------------------------------


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleChangeForm
    list_display = ["title", "generation_label", "question_total", "checked_total", "card_total", "created_at"]
    list_filter = ["generation_status"]
    search_fields = ["title", "lead", "topic"]
    readonly_fields = ["generation_panel", "teacher_links", "slug", "word_count", "source_name"]
    inlines = [ArticleImageInline]
    actions = ["generate_again", "export_item_analysis", "export_bank", "export_gift"]

    class Media:
        css = {"all": ["css/admin.css"]}

    def get_form(self, request: HttpRequest, obj: Article | None = None, change: bool = False, **kwargs: Any) -> Any:
        kwargs["form"] = ArticleChangeForm if obj is not None else ArticleForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fieldsets(self, request: HttpRequest, obj: Article | None = None) -> Any:
        if obj is None:
            return [(None, {"fields": ["pasted", "upload", "questions_per_quiz"]})]
        return [
            (None, {"fields": ["title", "topic", "questions_per_quiz", "generation_panel", "teacher_links"]}),
            (_("Replace the text"), {"fields": ["pasted", "upload"], "classes": ["collapse"]}),
            (_("Details"), {"fields": ["slug", "word_count", "source_name"], "classes": ["collapse"]}),
        ]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Article]:
        hidden = [Question.Status.REJECTED, Question.Status.RETIRED]
        checked = [Question.Status.APPROVED, Question.Status.TEACHER]
        return (
            super()
            .get_queryset(request)
            .annotate(
                question_total=Count("questions", filter=~Q(questions__status__in=hidden), distinct=True),
                checked_total=Count("questions", filter=Q(questions__status__in=checked), distinct=True),
                card_total=Count("vocab_items", filter=Q(vocab_items__retired=False), distinct=True),
            )
        )

    @admin.display(description=_("questions"), ordering="question_total")
    def question_total(self, article: Article) -> int:
        return article.question_total  # type: ignore[attr-defined]

    @admin.display(description=_("checked by a teacher"), ordering="checked_total")
    def checked_total(self, article: Article) -> int:
        return article.checked_total  # type: ignore[attr-defined]

    @admin.display(description=_("flashcards"), ordering="card_total")
    def card_total(self, article: Article) -> int:
        return article.card_total  # type: ignore[attr-defined]

    @admin.display(description=_("generation"), ordering="generation_status")
    def generation_label(self, article: Article) -> str:
        return format_html(
            '<span class="generation-state generation-{}">{}</span>',
            article.generation_status or "none",
            article.get_generation_status_display(),
        )

    def generation_context(self, article: Article) -> dict[str, Any]:
        status = article.generation_status
        return {
            "article": article,
            "status": status or "none",
            "waiting": status in {Article.Generation.QUEUED, Article.Generation.RUNNING},
            "error": gettext(article.generation_error) if article.generation_error else "",
            "status_url": reverse("admin:quiz_article_generation", args=[article.pk]),
            "questions_url": reverse("admin:quiz_question_changelist") + f"?article__id__exact={article.pk}",
            "question_count": article.questions.playable().count(),
        }

    @admin.display(description=_("Questions"))
    def generation_panel(self, article: Article) -> SafeString:
        return render_to_string("admin/quiz/article/generation.html#live", self.generation_context(article))

    @admin.display(description=_("Next steps"))
    def teacher_links(self, article: Article) -> SafeString:
        return format_html(
            '<ul class="teacher-links"><li><a href="{}">{}</a></li><li><a href="{}">{}</a></li>'
            '<li><a href="{}">{}</a></li></ul>',
            reverse("admin:quiz_question_add") + f"?article={article.pk}",
            gettext("Write a question"),
            reverse("admin:quiz_article_report", args=[article.pk]),
            gettext("How the class did"),
            article.get_absolute_url(),
            gettext("The article as learners see it"),
        )

    def save_model(self, request: HttpRequest, obj: Article, form: ArticleForm, change: bool) -> None:
        if form.parsed is None:
            obj.save()
            return
        article, changed = services.article_import(parsed=form.parsed, article=obj)
        if changed:
            services.article_generation_queue(article=article)

    def response_add(self, request: HttpRequest, obj: Article, post_url_continue: str | None = None) -> HttpResponse:
        if "_popup" in request.POST or "_addanother" in request.POST:
            return super().response_add(request, obj, post_url_continue)
        self.message_user(
            request,
            gettext("“%(title)s” was added. Its questions are being made in the background; this page shows when.")
            % {"title": obj.title},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:quiz_article_change", args=[obj.pk]))

    @admin.action(description=_("Generate the questions again"), permissions=["change"])
    def generate_again(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        articles = list(Article.objects.filter(pk__in=queryset.values("pk")))
        for article in articles:
            services.article_generation_queue(article=article)
        self.message_user(
            request,
            ngettext(
                "%(count)d article is waiting for its questions.",
                "%(count)d articles are waiting for their questions.",
                len(articles),
            )
            % {"count": len(articles)},
            messages.SUCCESS,
        )

    @admin.action(description=_("Download how the class did (CSV)"), permissions=["view"])
    def export_item_analysis(self, request: HttpRequest, queryset: QuerySet[Article]) -> HttpResponse | None:
        if not can_view_results(request):
            raise PermissionDenied
        return download(reports.item_analysis_csv(self._plain(queryset)), "item-analysis.csv")

    @admin.action(description=_("Download the question bank (JSON)"), permissions=["view"])
    def export_bank(self, request: HttpRequest, queryset: QuerySet[Article]) -> HttpResponse:
        return download(banks.export_json(self._plain(queryset)), "question-bank.json", "application/json")

    @admin.action(description=_("Download the questions for Moodle (GIFT)"), permissions=["view"])
    def export_gift(self, request: HttpRequest, queryset: QuerySet[Article]) -> HttpResponse:
        return download(banks.export_gift(self._plain(queryset)), "questions.gift.txt", "text/plain")

    @staticmethod
    def _plain(queryset: QuerySet[Article]) -> list[Article]:
        return list(Article.objects.filter(pk__in=queryset.values("pk")).order_by("title", "id"))

    # Views of our own -----------------------------------------------------------------------------------------

    def get_urls(self) -> list[URLPattern]:  # type: ignore[override]
        own = [
            path(
                "<path:object_id>/generation/",
                self.admin_site.admin_view(self.generation_view),
                name="quiz_article_generation",
            ),
            path("<path:object_id>/report/", self.admin_site.admin_view(self.report_view), name="quiz_article_report"),
            path("import-bank/", self.admin_site.admin_view(self.import_view), name="quiz_article_import"),
        ]
        return own + super().get_urls()  # type: ignore[operator]

    def _article_or_404(self, request: HttpRequest, object_id: str) -> Article:
        article = self.get_object(request, object_id)
        if article is None:
            raise Http404(gettext("There is no such article."))
        if not self.has_view_permission(request, article):
            raise PermissionDenied
        return article

    def _page(self, request: HttpRequest, title: str, **context: Any) -> dict[str, Any]:
        return {**self.admin_site.each_context(request), "opts": self.opts, "title": title, **context}

    def generation_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """Where generation stands. Polled through htmx by the change page: 204 while nothing changed."""
        article = self._article_or_404(request, object_id)
        context = self.generation_context(article)
        if getattr(request, "htmx", False):
            if request.GET.get("seen") == context["status"]:
                return HttpResponse(status=204)
            return render(request, "admin/quiz/article/generation.html#panel", context)
        title = gettext("Questions of “%(title)s”") % {"title": article.title}
        return TemplateResponse(request, "admin/quiz/article/generation.html", self._page(request, title, **context))

    def report_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """Item analysis: each question's answers, share right, discrimination and flags."""
        article = self._article_or_404(request, object_id)
        if not can_view_results(request):
            raise PermissionDenied
        if request.GET.get("format") == "csv":
            return download(reports.item_analysis_csv([article]), "item-analysis.csv")
        items = reports.item_analysis(article)
        title = gettext("How the class did: %(title)s") % {"title": article.title}
        context = self._page(
            request,
            title,
            article=article,
            items=items,
            min_answers=reports.MIN_ANSWERS,
            learners=reports.learner_scores(article),
            learners_url=reverse("admin:quiz_attempt_learners") + f"?article={article.pk}",
        )
        return TemplateResponse(request, "admin/quiz/article/report.html", context)

    def import_view(self, request: HttpRequest) -> HttpResponse:
        """Import a question bank (JSON) exported from this or another quizsite."""
        if not (self._can_manage_questions(request)):
            raise PermissionDenied
        form = BankImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            result = services.question_bank_import(banks=form.banks)
            self.message_user(
                request,
                gettext("Question bank imported: %(created)d new, %(updated)d updated, %(unchanged)d unchanged.")
                % {"created": result.created, "updated": result.updated, "unchanged": result.unchanged},
                messages.SUCCESS,
            )
            return HttpResponseRedirect(reverse("admin:quiz_question_changelist"))
        context = self._page(request, gettext("Import a question bank"), form=form)
        return TemplateResponse(request, "admin/quiz/article/import_bank.html", context)

    @staticmethod
    def _can_manage_questions(request: HttpRequest) -> bool:
        return request.user.has_perms(["quiz.add_question", "quiz.change_question", "quiz.add_choice"])


class BankImportForm(forms.Form):
    file = forms.FileField(
        label=_("Question bank"),
        help_text=_("A .json file downloaded with “Download the question bank”."),
        widget=forms.FileInput(attrs={"accept": ".json,application/json"}),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if (upload.size or 0) > banks.MAX_BYTES:
            raise forms.ValidationError(gettext("The file is over 20 MB."))
        try:
            self.banks = banks.read_json(upload.read())
        except banks.BankError as error:
            raise forms.ValidationError(str(error)) from None
        return upload


# Questions -------------------------------------------------------------------------------------------------------


class ChoiceInline(admin.TabularInline):
    model = Choice
    formset = ChoiceFormSet
    fields = ["text", "is_correct", "position"]
    verbose_name_plural = _("choices")

    def get_extra(self, request: HttpRequest, obj: Question | None = None, **kwargs: Any) -> int:
        return 4 if obj is None else 1

    def formfield_for_dbfield(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if db_field.name == "text":
            kwargs["widget"] = forms.TextInput(attrs={"size": 50, **ARABIC_TEXT})
        return super().formfield_for_dbfield(db_field, request, **kwargs)


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    form = QuestionForm
    list_display = ["short_prompt", "article_title", "kind", "mode", "status_label", "times_used", "share_right"]
    list_filter = ["article", "kind", "status", "mode", "edited"]
    search_fields = ["prompt", "answer", "choices__text"]
    list_select_related = ["article"]
    list_per_page = 50
    actions = ["approve", "reject", "regenerate_distractors"]
    inlines = [ChoiceInline, QuestionImageInline]

    class Media:
        css = {"all": ["css/admin.css"]}

    def get_fieldsets(self, request: HttpRequest, obj: Question | None = None) -> Any:
        body = ["kind", "mode", "prompt", "answer", "accepted", "tolerance", "pairs", "evidence"]
        if obj is None:
            return [(None, {"fields": ["article", *body]})]
        return [
            (None, {"fields": ["article_link", *body, "status"]}),
            (_("From the generator"), {"fields": ["edited", "score", "fact_key"], "classes": ["collapse"]}),
        ]

    def get_readonly_fields(self, request: HttpRequest, obj: Question | None = None) -> Any:
        return ["article_link", "edited", "score", "fact_key"] if obj is not None else []

    def get_queryset(self, request: HttpRequest) -> QuerySet[Question]:
        return super().get_queryset(request).with_use()  # type: ignore[attr-defined]

    @admin.display(description=_("question"), ordering="prompt")
    def short_prompt(self, question: Question) -> str:
        return Truncator(question.prompt).chars(90)

    @admin.display(description=_("article"), ordering="article__title")
    def article_title(self, question: Question) -> str:
        return Truncator(question.article.title).chars(40)

    @admin.display(description=_("article"))
    def article_link(self, question: Question) -> str:
        url = reverse("admin:quiz_article_change", args=[question.article_id])
        return format_html('<a href="{}">{}</a>', url, question.article.title)

    @admin.display(description=_("status"), ordering="status")
    def status_label(self, question: Question) -> str:
        edited = gettext(" (edited)") if question.edited and question.status == Question.Status.GENERATED else ""
        return format_html(
            '<span class="status status-{}">{}{}</span>', question.status, question.get_status_display(), edited
        )

    @admin.display(description=_("times used"), ordering="times_used")
    def times_used(self, question: Question) -> int:
        return question.times_used  # type: ignore[attr-defined]

    @admin.display(description=_("share right"), ordering="right_count")
    def share_right(self, question: Question) -> str:
        answers: int = question.answer_count  # type: ignore[attr-defined]
        return percent(question.right_count / answers if answers else None)  # type: ignore[attr-defined]

    def save_model(self, request: HttpRequest, obj: Question, form: QuestionForm, change: bool) -> None:
        if not change:
            obj.status = Question.Status.TEACHER
        elif set(form.changed_data) - {"status"}:
            obj.edited = True
        if not change or {"answer", "evidence"} & set(form.changed_data):
            place_answer(obj)
        super().save_model(request, obj, form, change)

    def save_related(self, request: HttpRequest, form: QuestionForm, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        question = form.instance
        changed: list[str] = []
        if change and not question.edited and any(formset.has_changed() for formset in formsets):
            question.edited = True
            changed.append("edited")
        if question.mode in {Question.Mode.CHOICE, Question.Mode.TRUE_FALSE}:
            right = question.choices.filter(is_correct=True).first()
            if right is not None and right.text != question.answer:
                question.answer = right.text
                place_answer(question)
                changed += ["answer", "answer_start", "answer_end"]
        if question.mode == Question.Mode.MATCHING and ("pairs" in form.changed_data or not change):
            sides = [right for _left, right in question.pairs]
            distractors.rng_for(question.pk, "matching").shuffle(sides)
            question.choices.all().delete()
            Choice.objects.bulk_create(
                Choice(question=question, text=text, is_correct=True, position=i) for i, text in enumerate(sides)
            )
        if changed:
            question.save(update_fields=[*changed, "updated_at"])

    @admin.action(description=_("Approve the selected questions"), permissions=["change"])
    def approve(self, request: HttpRequest, queryset: QuerySet[Question]) -> None:
        count = services.questions_review(questions=self._plain(queryset), status=Question.Status.APPROVED)
        self.message_user(
            request,
            ngettext("%(count)d question approved.", "%(count)d questions approved.", count) % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Reject the selected questions"), permissions=["change"])
    def reject(self, request: HttpRequest, queryset: QuerySet[Question]) -> None:
        count = services.questions_review(questions=self._plain(queryset), status=Question.Status.REJECTED)
        self.message_user(
            request,
            ngettext("%(count)d question rejected.", "%(count)d questions rejected.", count) % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Make new wrong choices"), permissions=["change"])
    def regenerate_distractors(self, request: HttpRequest, queryset: QuerySet[Question]) -> None:
        result = services.questions_distractors_regenerate(
            questions=self._plain(queryset), seed=secrets.randbelow(2**31)
        )
        if result.changed:
            self.message_user(
                request,
                ngettext(
                    "%(count)d question has new wrong choices.",
                    "%(count)d questions have new wrong choices.",
                    result.changed,
                )
                % {"count": result.changed},
                messages.SUCCESS,
            )
        skipped = result.without_distractors + result.not_multiple_choice
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d question kept its choices: it is not multiple choice, or the article gives no other "
                    "answers of its kind.",
                    "%(count)d questions kept their choices: they are not multiple choice, or the article gives no "
                    "other answers of their kind.",
                    skipped,
                )
                % {"count": skipped},
                messages.WARNING,
            )

    @staticmethod
    def _plain(queryset: QuerySet[Question]) -> QuerySet[Question]:
        """The selected questions without the list's counts (an update cannot carry them)."""
        return Question.objects.filter(pk__in=list(queryset.values_list("pk", flat=True)))


def place_answer(question: Question) -> None:
    """Where the answer stands in its evidence sentence, when it is written there as it is."""
    sentence = question.evidence
    at = sentence.text.find(question.answer) if sentence is not None and question.answer else -1
    question.answer_start = at if at >= 0 else None
    question.answer_end = at + len(question.answer) if at >= 0 else None


# Flashcards ------------------------------------------------------------------------------------------------------


class GlossFilter(admin.SimpleListFilter):
    title = _("English gloss")
    parameter_name = "gloss"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("missing", gettext("missing")), ("unchecked", gettext("not checked yet"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[VocabItem]) -> QuerySet[VocabItem]:
        if self.value() == "missing":
            return queryset.filter(gloss="")
        if self.value() == "unchecked":
            return queryset.exclude(gloss="").filter(gloss_trusted=False)
        return queryset


class LeechFilter(admin.SimpleListFilter):
    title = _("leeches")
    parameter_name = "leech"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("yes", gettext("cards learners keep forgetting"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[VocabItem]) -> QuerySet[VocabItem]:
        if self.value() == "yes":
            return queryset.filter(leech_count__gt=0).order_by("-leech_count", "lemma")  # type: ignore[misc]
        return queryset


@admin.register(VocabItem)
class VocabItemAdmin(admin.ModelAdmin):
    form = VocabItemForm
    list_display = ["lemma", "lemma_vowelled", "gloss", "word", "article", "leech_count", "edited"]
    list_filter = [GlossFilter, LeechFilter, "gloss_trusted", "edited", "retired", "article"]
    search_fields = ["word", "lemma", "lemma_vowelled", "gloss"]
    list_select_related = ["article"]
    actions = ["mark_gloss_checked"]

    class Media:
        css = {"all": ["css/admin.css"]}

    def get_fields(self, request: HttpRequest, obj: VocabItem | None = None) -> Any:
        own = ["lemma", "lemma_vowelled", "root", "pos", "gloss", "gloss_trusted"]
        if obj is None:
            return ["article", "word", *own]
        return ["article", "word", "in_sentence", *own, "leech_count", "edited", "retired"]

    def get_readonly_fields(self, request: HttpRequest, obj: VocabItem | None = None) -> Any:
        return ["article", "word", "in_sentence", "leech_count", "edited", "retired"] if obj is not None else []

    def get_form(self, request: HttpRequest, obj: VocabItem | None = None, change: bool = False, **kwargs: Any) -> Any:
        if obj is None:
            kwargs["fields"] = ["article", "word", "lemma", "lemma_vowelled", "root", "pos", "gloss", "gloss_trusted"]
        return super().get_form(request, obj, change=change, **kwargs)

    def get_queryset(self, request: HttpRequest) -> QuerySet[VocabItem]:
        return super().get_queryset(request).annotate(leech_count=Count("states", filter=Q(states__is_leech=True)))

    @admin.display(description=_("learners stuck on it"), ordering="leech_count")
    def leech_count(self, item: VocabItem) -> int:
        return item.leech_count  # type: ignore[attr-defined]

    @admin.display(description=_("in the sentence"))
    def in_sentence(self, item: VocabItem) -> str:
        return item.sentence.text if item.sentence_id and item.sentence else "—"

    def save_model(self, request: HttpRequest, obj: VocabItem, form: Any, change: bool) -> None:
        if change and form.changed_data:
            obj.edited = True
        if "lemma_vowelled" in form.changed_data:
            obj.vowelled_by_machine = False
        if "gloss" in form.changed_data and obj.gloss:
            obj.gloss_trusted = True
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Mark the glosses as checked"), permissions=["change"])
    def mark_gloss_checked(self, request: HttpRequest, queryset: QuerySet[VocabItem]) -> None:
        count = VocabItem.objects.filter(pk__in=queryset.values("pk")).exclude(gloss="").update(gloss_trusted=True)
        self.message_user(
            request,
            ngettext("%(count)d gloss marked as checked.", "%(count)d glosses marked as checked.", count)
            % {"count": count},
            messages.SUCCESS,
        )


# Results ---------------------------------------------------------------------------------------------------------


class ResponseInline(admin.TabularInline):
    model = Response
    fields = readonly_fields = ("question", "given", "is_correct", "points", "elapsed_ms", "answered_at")
    extra = 0
    can_delete = False
    verbose_name = _("answer")
    verbose_name_plural = _("answers")

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class FinishedFilter(admin.SimpleListFilter):
    title = _("finished")
    parameter_name = "finished"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, str]]:
        return [("yes", gettext("finished")), ("no", gettext("not finished"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet[Attempt]) -> QuerySet[Attempt]:
        if self.value() in {"yes", "no"}:
            return queryset.filter(finished_at__isnull=self.value() == "no")
        return queryset


@admin.register(Attempt)
class AttemptAdmin(admin.ModelAdmin):
    list_display = ["started_at", "learner", "article", "response_count", "right_count", "score", "finished_at"]
    list_filter = [FinishedFilter, "timed", "article"]
    list_select_related = ["article", "user", "user__profile"]
    date_hierarchy = "started_at"
    fields = readonly_fields = ("learner", "article", "timed", "started_at", "finished_at", "score")
    inlines = [ResponseInline]
    actions = ["export_csv"]

    class Media:
        css = {"all": ["css/admin.css"]}

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Attempt | None = None) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet[Attempt]:
        return (
            super()
            .get_queryset(request)
            .annotate(
                response_count=Count("responses", distinct=True),
                right_count=Count("responses", filter=Q(responses__is_correct=True), distinct=True),
            )
        )

    @admin.display(description=_("learner"))
    def learner(self, attempt: Attempt) -> str:
        if attempt.user is None:
            return reports.guest_name(attempt.guest_id)  # type: ignore[arg-type]
        profile = getattr(attempt.user, "profile", None)
        return profile.display_name if profile is not None else attempt.user.get_username()

    @admin.display(description=_("answered"), ordering="response_count")
    def response_count(self, attempt: Attempt) -> int:
        return attempt.response_count  # type: ignore[attr-defined]

    @admin.display(description=_("right"), ordering="right_count")
    def right_count(self, attempt: Attempt) -> int:
        return attempt.right_count  # type: ignore[attr-defined]

    @admin.action(description=_("Download the selected results (CSV)"), permissions=["view"])
    def export_csv(self, request: HttpRequest, queryset: QuerySet[Attempt]) -> HttpResponse:
        if not can_view_results(request):
            raise PermissionDenied
        attempts = queryset.select_related("article", "user", "user__profile").order_by("started_at", "id")
        stamp = timezone.now().strftime("%Y%m%d-%H%M")
        return download(reports.attempts_csv(attempts), f"results-{stamp}.csv")

    def get_urls(self) -> list[URLPattern]:  # type: ignore[override]
        own = [path("learners/", self.admin_site.admin_view(self.learners_view), name="quiz_attempt_learners")]
        return own + super().get_urls()  # type: ignore[operator]

    def learners_view(self, request: HttpRequest) -> HttpResponse:
        """Each learner's attempts and scores, over all articles or one."""
        if not can_view_results(request):
            raise PermissionDenied
        article = None
        if request.GET.get("article"):
            try:
                article = Article.objects.get(pk=int(request.GET["article"]))
            except (ValueError, Article.DoesNotExist):
                raise Http404(gettext("There is no such article.")) from None
        stats = reports.learner_scores(article)
        if request.GET.get("format") == "csv":
            return download(reports.learner_scores_csv(stats), "learners.csv")
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Scores by learner"),
            "article": article,
            "articles": Article.objects.order_by("title").only("pk", "title"),
            "stats": stats,
        }
        return TemplateResponse(request, "admin/quiz/attempt/learners.html", context)
