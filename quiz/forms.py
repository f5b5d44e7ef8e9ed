"""Forms the learners fill in."""

from __future__ import annotations

import re
import time
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

# Control characters (but tab and line ends), the bidi embeddings, overrides and isolates that can make text display
# as something other than what it is (a name reading backwards on a leaderboard, say), and U+FFFD, which is what
# bytes that were not UTF-8 decode to.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffd]")


def has_unsafe_characters(text: str) -> bool:
    return bool(_UNSAFE.search(text))


def reject_unsafe_characters(value: str) -> None:
    """A form field validator: the same rule, as a form error in the learner's language."""
    if has_unsafe_characters(value):
        raise forms.ValidationError(_("Control characters and direction overrides are not allowed here."))


class SignupForm(UserCreationForm[User]):
    display_name = forms.CharField(
        label=_("Display name"),
        max_length=40,
        validators=[reject_unsafe_characters],
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

    # A review form is at most this old; a ``shown_at`` outside it was not written by this server.
    OLDEST_FORM_MS = 24 * 60 * 60 * 1000
    CLOCK_SKEW_MS = 5 * 60 * 1000

    def clean_shown_at(self) -> int | None:
        value: int | None = self.cleaned_data.get("shown_at")
        now = int(time.time() * 1000)
        if value is not None and not now - self.OLDEST_FORM_MS <= value <= now + self.CLOCK_SKEW_MS:
            raise forms.ValidationError(_("This card was shown too long ago; please rate it again."))
        return value


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
    question_id = parse_id(data.get("question", ""))
    if question_id is None:
        raise InvalidAnswer(gettext("The answer did not say which question it is for."))
    if data.get("skip"):
        return question_id, Submission(skipped=True)
    text = data.get("text", "")
    if has_unsafe_characters(text):
        raise InvalidAnswer(gettext("That answer contains characters that cannot be read; please type it again."))
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
    value = parse_id(raw)
    if value is None:
        raise InvalidAnswer(gettext("That choice is not one of this question's."))
    return value


_ID = re.compile(r"[0-9]{1,18}")


def parse_id(raw: str) -> int | None:
    """A row id as a form sends it: ASCII digits that fit a 64-bit column; anything else is no id."""
    return int(raw) if _ID.fullmatch(raw.strip()) else None
