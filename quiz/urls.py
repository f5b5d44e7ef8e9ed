from django.urls import include, path

from quiz.views import accounts, articles, health

article_patterns = (
    [
        path("", articles.article_list, name="list"),
        path("articles/<str:slug>/", articles.article_detail, name="detail"),
    ],
    "articles",
)

account_patterns = (
    [
        path("signup/", accounts.signup, name="signup"),
        path("login/", accounts.login, name="login"),
        path("logout/", accounts.logout, name="logout"),
    ],
    "accounts",
)

urlpatterns = [
    path("healthz", health.health, name="health"),
    path("", include(article_patterns)),
    path("accounts/", include(account_patterns)),
]
