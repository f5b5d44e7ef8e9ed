"""The Teachers group: manage articles, questions, choices, flashcards and images; view the learners' results.

Nothing over users, groups or permissions. `manage.py create_teacher` puts staff accounts in this group.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Teachers"
MANAGE = ["article", "question", "choice", "vocabitem", "image"]
VIEW = ["attempt", "response", "cardstate", "review"]


def codenames() -> list[str]:
    return [f"{action}_{model}" for model in MANAGE for action in ("add", "change", "delete", "view")] + [
        f"view_{model}" for model in VIEW
    ]


def create_group(apps, schema_editor):
    # Permissions are normally made after all migrations ran (post_migrate); make the quiz ones now.
    quiz = apps.get_app_config("quiz")
    quiz.models_module = True
    create_permissions(quiz, apps=apps, verbosity=0, using=schema_editor.connection.alias)
    quiz.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    db = schema_editor.connection.alias
    group, _created = Group.objects.using(db).get_or_create(name=GROUP)
    permissions = Permission.objects.using(db).filter(content_type__app_label="quiz", codename__in=codenames())
    missing = set(codenames()) - set(permissions.values_list("codename", flat=True))
    if missing:
        raise RuntimeError(f"the Teachers group needs permissions that do not exist: {sorted(missing)}")
    group.permissions.set(permissions)


def delete_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.using(schema_editor.connection.alias).filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("quiz", "0004_image"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, delete_group)]
