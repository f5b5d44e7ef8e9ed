// quizsite: small behaviours on top of pages that work without JavaScript. No inline handlers (CSP).
"use strict";
