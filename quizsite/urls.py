from django.conf import settings
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from quiz.views import media

urlpatterns: list[URLPattern | URLResolver] = [
    path("", include("quiz.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    # Teachers' pictures, in production as in development (see quiz/views/media.py).
    path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", media.media_file, name="media"),
]
