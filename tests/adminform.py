"""Post an admin change form as a browser would: every field as the page shows it, then the test's changes."""

from __future__ import annotations

from typing import Any

from django.forms import BoundField, FileField


def _field_values(bound: BoundField) -> list[tuple[str, Any]]:
    if isinstance(bound.field, FileField):
        return []
    value = bound.value()
    if isinstance(value, bool) or getattr(bound.field.widget, "input_type", "") == "checkbox":
        return [(bound.html_name, "on")] if value else []
    if value is None:
        return [(bound.html_name, "")]
    if isinstance(value, (list, tuple)):
        return [(bound.html_name, v) for v in value]
    return [(bound.html_name, value)]


def page_form_data(response: Any) -> dict[str, Any]:
    """The data the admin page in ``response`` would post unchanged: its form, its inlines, their management."""
    data: dict[str, Any] = {}
    form = response.context["adminform"].form
    for name in form.fields:
        for key, value in _field_values(form[name]):
            data[key] = value
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[management[name].html_name] = management[name].value()
        for sub in formset.forms:
            for name in sub.fields:
                for key, value in _field_values(sub[name]):
                    data[key] = value
    return data
