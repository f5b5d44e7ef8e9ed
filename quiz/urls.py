from django.urls import include, path

from quiz.views import accounts, articles, flashcards, health

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

flashcard_patterns = (
    [
        path("flashcards/", flashcards.deck, name="deck"),
        path("articles/<str:slug>/flashcards/", flashcards.article_cards, name="article"),
        path("flashcards/review/", flashcards.review, name="review"),
        path("flashcards/settings/", flashcards.settings_update, name="settings"),
        path("words/<int:pk>/", flashcards.word, name="word"),
        path("words/<int:pk>/add/", flashcards.word_add, name="add"),
        path("words/<int:pk>/audio.wav", flashcards.audio, name="audio"),
    ],
    "flashcards",
)

urlpatterns = [
    path("healthz", health.health, name="health"),
    path("", include(article_patterns)),
    path("", include(flashcard_patterns)),
    path("accounts/", include(account_patterns)),
]
