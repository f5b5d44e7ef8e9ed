"""Forms the learners fill in."""

from __future__ import annotations

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
