"""Forms the learners fill in."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm, UserCreationForm
from django.contrib.auth.models import User
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from quiz.models import Submission
from quiz.services import InvalidAnswer


class SignupForm(UserCreationForm[User]):
    display_name = forms.CharField(
        label=_("Display name"),
        max_length=40,
        help_text=_("Shown on leaderboards instead of your user name."),
    )

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username",)

    def clean_display_name(self) -> str:
        name = " ".join(self.cleaned_data["display_name"].split())
        if not name:
            raise forms.ValidationError(_("Please enter a display name."))
        return name


class LoginForm(AuthenticationForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs["autocomplete"] = "username"


class ReviewForm(forms.Form):
    """One rating of one card. ``reps`` is how many reviews the card had when shown (a repeated form is refused);
    ``shown_at`` the server's time in milliseconds when the card was shown, for the review's duration."""

    item = forms.IntegerField(min_value=1)
    rating = forms.TypedChoiceField(choices=[(n, n) for n in (1, 2, 3, 4)], coerce=int)
    reps = forms.IntegerField(min_value=0)
    shown_at = forms.IntegerField(min_value=0, required=False)
    article = forms.CharField(max_length=100, required=False)


class ReviewSettingsForm(forms.Form):
    new_cards_per_day = forms.IntegerField(
        label=_("New cards a day"),
        min_value=0,
        max_value=200,
        help_text=_("How many cards you have not seen before may start each day."),
    )
    desired_retention = forms.DecimalField(
        label=_("Desired retention"),
        min_value=Decimal("0.70"),
        max_value=Decimal("0.99"),
        decimal_places=2,
        help_text=_(
            "The share of cards you want to remember when they come back (0.70 to 0.99). Higher means more reviews."
        ),
    )


def parse_submission(data: Mapping[str, str]) -> tuple[int, Submission]:
    """The question id and the answer posted by the quiz's answer form.

    Fields: ``question``; then ``choice`` (a Choice id), ``text`` (a typed answer), ``match-0``, ``match-1`` ...
    (one Choice id per matching pair) or ``skip`` ("I don't know"). Malformed values are refused, never guessed.
    """
    try:
        question_id = int(data.get("question", ""))
    except ValueError:
        raise InvalidAnswer(gettext("The answer did not say which question it is for.")) from None
    if data.get("skip"):
        return question_id, Submission(skipped=True)
    text = data.get("text", "")
    if len(text) > MAX_TYPED_ANSWER:
        raise InvalidAnswer(
            gettext("That answer is too long: at most %(count)s characters.") % {"count": MAX_TYPED_ANSWER}
        )
    matches: list[int | None] = []
    while f"match-{len(matches)}" in data:
        matches.append(_optional_id(data.get(f"match-{len(matches)}", "")))
    return question_id, Submission(choice_id=_optional_id(data.get("choice", "")), text=text, matches=tuple(matches))


MAX_TYPED_ANSWER = 200


def _optional_id(raw: str) -> int | None:
    if raw == "":
        return None
    try:
        return int(raw)
    except ValueError:
        raise InvalidAnswer(gettext("That choice is not one of this question's.")) from None
