// quizsite: the quiz's keyboard, focus and clock. The quiz works without it (plain forms and links).
"use strict";

(function () {
  const DIGITS = { "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7, "8": 8, "9": 9,
                   "١": 1, "٢": 2, "٣": 3, "٤": 4, "٥": 5, "٦": 6, "٧": 7, "٨": 8, "٩": 9 };
  let clockTimer = null;

  function quiz() {
    return document.querySelector("[data-quiz]");
  }

  // After an answer, focus moves to the feedback; after "Next", to the new question (its input when typed).
  function focusStage() {
    const root = quiz();
    if (!root) return;
    const target = root.querySelector("[data-feedback]") || root.querySelector("#answer-text") ||
      root.querySelector("#question-prompt");
    if (target) target.focus();
  }

  // The speed-bonus meter runs down from what the server says is left; the server alone measures the time.
  function startClock() {
    window.clearInterval(clockTimer);
    const clock = document.querySelector("[data-bonus-clock]");
    if (!clock) return;
    const meter = clock.querySelector("progress");
    const endsAt = performance.now() + Number(clock.dataset.leftMs || 0);
    const tick = function () {
      const left = Math.max(0, endsAt - performance.now());
      meter.value = left;
      if (left <= 0) {
        window.clearInterval(clockTimer);
        clock.classList.add("is-over");
      }
    };
    tick();
    clockTimer = window.setInterval(tick, 200);
  }

  // After the settle, when htmx has wired up the new form and links (not before: a quick Enter would post the
  // form the plain way).
  document.addEventListener("htmx:afterSettle", function (event) {
    if (event.detail.elt && event.detail.elt.id === "quiz-stage") {
      focusStage();
      startClock();
    }
  });

  // Make sure htmx has wired up an element that a key is about to use (it does so shortly after a swap).
  function ready(element) {
    if (window.htmx) window.htmx.process(element);
    return element;
  }

  // htmx checks the form before sending it; show the browser's own message for what is missing.
  document.addEventListener("htmx:validation:halted", function (event) {
    const form = event.detail.elt;
    if (form && form.reportValidity) form.reportValidity();
  });

  // A failure with no answer from the quiz (network, server error): say so; nothing was saved.
  function showFailure() {
    const root = quiz();
    const alert = document.getElementById("quiz-alert");
    if (root && alert) {
      const p = document.createElement("p");
      p.className = "alert-message";
      p.textContent = root.dataset.errorMessage;
      alert.replaceChildren(p);
    }
  }
  document.addEventListener("htmx:responseError", showFailure);
  document.addEventListener("htmx:sendError", showFailure);

  // Keys: 1-4 (or ١-٤) choose, Enter checks the answer, and on the feedback Enter goes on.
  document.addEventListener("keydown", function (event) {
    const root = quiz();
    if (!root || event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return;
    const target = event.target;
    const form = root.querySelector("[data-question-form]");
    const next = root.querySelector("[data-next]");
    if (event.key === "Enter") {
      if (form && form.contains(target) && !target.matches("button, a, textarea")) {
        event.preventDefault();
        ready(form).requestSubmit(form.querySelector("[data-check]"));
      } else if (!form && next && !target.matches("button, a, input, select, textarea, summary")) {
        event.preventDefault();
        ready(next).click();
      }
      return;
    }
    const number = DIGITS[event.key];
    if (!number || !form || target.matches("input[type=text], textarea, select")) return;
    const choices = form.querySelectorAll("input[type=radio][name=choice]");
    if (number <= choices.length) {
      event.preventDefault();
      choices[number - 1].checked = true;
      choices[number - 1].focus();
    }
  });

  document.documentElement.classList.add("has-js");
  document.addEventListener("DOMContentLoaded", startClock);
})();
