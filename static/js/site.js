// quizsite: small behaviours on top of pages that work without JavaScript. No inline handlers (CSP).
"use strict";

// A 4xx answer that names its own target (HX-Retarget, set by the server through django-htmx) is a message meant
// for the page, such as a refused quiz answer: show it. Other error answers are left alone, as htmx does.
document.addEventListener("htmx:beforeSwap", function (event) {
  const xhr = event.detail.xhr;
  if (xhr.status >= 400 && xhr.status < 500 && xhr.getResponseHeader("HX-Retarget")) {
    event.detail.shouldSwap = true;
    event.detail.isError = false;
  }
});
