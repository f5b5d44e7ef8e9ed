// Flashcards: keyboard review (Space shows the answer, 1-4 rate), the pronunciation button, the word popover.
// Everything here enhances pages that work without JavaScript; no inline handlers (CSP).
"use strict";

(function () {
  function typing(target) {
    return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName));
  }

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
    if (event.key === "Escape") {
      closePopover();
      return;
    }
    var review = document.getElementById("review");
    if (!review) return;
    var key = event.key === " " ? "space" : event.key;
    if (!/^(space|[1-4])$/.test(key)) return;
    var control = review.querySelector('[data-key="' + key + '"]');
    if (!control || control.closest("[aria-busy='true']")) return;
    event.preventDefault();
    // htmx wires up a swapped-in card shortly after the swap; a key pressed before that would follow the plain
    // link or post the plain form (a whole page load, and the keyboard focus lost). Wire it up now.
    if (window.htmx) window.htmx.process(review);
    control.click();
  });

  // Pronunciation: play the WAV in place (the link opens it where JavaScript is off).
  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("a[data-audio]") : null;
    if (!link) return;
    event.preventDefault();
    new Audio(link.getAttribute("href")).play().catch(function () {
      window.location.href = link.getAttribute("href");
    });
  });

  function closePopover() {
    var popover = document.getElementById("word-popover");
    if (popover && popover.firstElementChild) {
      var opener = popover.dataset.opener ? document.querySelector('[data-opened="' + popover.dataset.opener + '"]') : null;
      popover.replaceChildren();
      if (opener) opener.focus();
    }
  }

  document.addEventListener("click", function (event) {
    var close = event.target instanceof Element ? event.target.closest("[data-close-popover]") : null;
    if (close) closePopover();
    var word = event.target instanceof Element ? event.target.closest("a.w") : null;
    var popover = document.getElementById("word-popover");
    if (word && popover) {
      var mark = String(Date.now());
      document.querySelectorAll("[data-opened]").forEach(function (el) { el.removeAttribute("data-opened"); });
      word.setAttribute("data-opened", mark);
      popover.dataset.opener = mark;
    }
  });

  // A refused rating or setting (400, 404, 409) comes back with its message: show it in place.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var status = event.detail.xhr.status;
    if (status === 400 || status === 404 || status === 409) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });

  // After a new card (or the popover) arrives, keep the keyboard focus with it.
  document.addEventListener("htmx:afterSwap", function (event) {
    var target = event.detail.target;
    if (!(target instanceof HTMLElement)) return;
    if (target.id === "review") {
      target.focus({ preventScroll: true });
    } else if (target.id === "word-popover") {
      var card = target.querySelector(".word-card");
      if (card) card.focus();
    }
  });
})();
