"""Forms the learners fill in."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm, UserCreationForm
from django.contrib.auth.models import User
from django.utils.translation import gettext_lazy as _


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
