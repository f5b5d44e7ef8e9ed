from django.urls import include, path

from quiz.views import accounts, articles, flashcards, health, progress, quiz

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

quiz_patterns = (
    [
        path("articles/<str:slug>/quiz/", quiz.quiz_start, name="start"),
        path("quiz/<uuid:public_id>/", quiz.quiz_play, name="play"),
        path("quiz/<uuid:public_id>/answer/", quiz.quiz_answer, name="answer"),
        path("quiz/<uuid:public_id>/answers/<int:number>/", quiz.quiz_feedback, name="feedback"),
        path("quiz/<uuid:public_id>/finish/", quiz.quiz_finish, name="finish"),
        path("quiz/<uuid:public_id>/untimed/", quiz.quiz_untimed, name="untimed"),
        path("quiz/<uuid:public_id>/practice/", quiz.quiz_practice, name="practice"),
        path("quiz/<uuid:public_id>/results/", quiz.quiz_results, name="results"),
        path("quiz/<uuid:public_id>/card.png", quiz.quiz_card, name="card"),
    ],
    "quiz",
)

progress_patterns = (
    [
        path("progress/", progress.progress, name="overview"),
        path("articles/<str:slug>/leaderboard/", progress.leaderboard, name="leaderboard"),
    ],
    "progress",
)

urlpatterns = [
    path("healthz", health.health, name="health"),
    path("", include(article_patterns)),
    path("", include(flashcard_patterns)),
    path("accounts/", include(account_patterns)),
    path("", include(quiz_patterns)),
    path("", include(progress_patterns)),
]
