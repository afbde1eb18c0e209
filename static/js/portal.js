// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // Read aloud: the browser's speech synthesis reads the main content in the page's language.
  var BLOCKS = "h1, h2, h3, h4, p, li, dt, dd, th, td, caption, figcaption, legend, label, summary, .hint";
  var SKIP = "nav, script, template, [hidden], [aria-hidden='true'], .visually-hidden";

  function speech() {
    return window.speechSynthesis && window.SpeechSynthesisUtterance ? window.speechSynthesis : null;
  }

  function textOf(element) {
    return (element.textContent || "").replace(/\s+/g, " ").trim();
  }

  // The h1 first, then each block of text in <main> in reading order (questions, hints and labels too),
  // leaving out navigation and anything not shown; a block inside another is read once, as itself.
  function chunks(main) {
    var h1 = main.querySelector("h1");
    var found = h1 ? [textOf(h1)] : [];
    main.querySelectorAll(BLOCKS).forEach(function (element) {
      if (element === h1 || element.closest(SKIP) || element.querySelector(BLOCKS)) return;
      if (!element.getClientRects().length) return;
      var text = textOf(element);
      if (text) found.push(text);
    });
    return found;
  }

  function voiceFor(synth, lang) {
    var wanted = lang.toLowerCase();
    var base = wanted.split("-")[0];
    var voices = synth.getVoices ? synth.getVoices() : [];
    var exact = null;
    var close = null;
    voices.forEach(function (voice) {
      var code = (voice.lang || "").replace("_", "-").toLowerCase();
      if (!exact && code === wanted) exact = voice;
      if (!close && code.split("-")[0] === base) close = voice;
    });
    return exact || close;
  }

  function readAloud(widget) {
    var start = widget.querySelector("[data-read-aloud-start]");
    var pause = widget.querySelector("[data-read-aloud-pause]");
    var stop = widget.querySelector("[data-read-aloud-stop]");
    var status = widget.querySelector("[data-read-aloud-status]");
    var lang = widget.getAttribute("data-lang") || document.documentElement.lang;
    var run = 0; // which reading the speech events belong to; a stopped reading's events are ignored

    function say(key) {
      status.textContent = widget.getAttribute("data-" + key) || "";
    }

    function show(reading, paused) {
      start.setAttribute("aria-pressed", reading ? "true" : "false");
      pause.hidden = !reading;
      stop.hidden = !reading;
      pause.textContent = widget.getAttribute(paused ? "data-resume" : "data-pause");
      pause.setAttribute("data-paused", paused ? "true" : "false");
    }

    function end(message) {
      var hadFocus = document.activeElement === pause || document.activeElement === stop;
      run += 1;
      show(false, false);
      if (hadFocus) start.focus();
      say(message);
    }

    function begin() {
      var synth = speech();
      var main = document.getElementById("main");
      if (!synth || !main) return;
      synth.cancel();
      run += 1;
      var mine = run;
      var voice = voiceFor(synth, lang);
      var texts = chunks(main);
      texts.forEach(function (text, index) {
        var utterance = new window.SpeechSynthesisUtterance(text);
        utterance.lang = lang;
        if (voice) utterance.voice = voice;
        utterance.onerror = function (event) {
          if (mine === run && event.error !== "interrupted" && event.error !== "canceled") end("unavailable");
        };
        if (index === texts.length - 1) {
          utterance.onend = function () {
            if (mine === run) end("finished");
          };
        }
        synth.speak(utterance);
      });
      show(texts.length > 0, false);
      say(texts.length ? "reading" : "finished");
    }

    start.addEventListener("click", function () {
      var synth = speech();
      if (start.getAttribute("aria-pressed") === "true") {
        if (synth) synth.cancel();
        end("stopped");
      } else {
        begin();
      }
    });
    pause.addEventListener("click", function () {
      var synth = speech();
      if (!synth) return;
      if (pause.getAttribute("data-paused") === "true") {
        synth.resume();
        show(true, false);
        say("resumed");
      } else {
        synth.pause();
        show(true, true);
        say("paused");
      }
    });
    stop.addEventListener("click", function () {
      var synth = speech();
      if (synth) synth.cancel();
      end("stopped");
    });
    window.addEventListener("pagehide", function () {
      var synth = speech();
      if (synth && start.getAttribute("aria-pressed") === "true") synth.cancel();
    });
    widget.hidden = false;
  }

  // Display settings: show the chosen text size and contrast at once; "Save and go back" keeps them.
  function previewDisplay(form) {
    var status = form.querySelector("[data-display-settings-status]");
    form.addEventListener("change", function (event) {
      var name = event.target.name;
      if (name !== "size" && name !== "contrast") return;
      var root = document.documentElement;
      var size = form.querySelector("input[name=size]:checked");
      var contrast = form.querySelector("input[name=contrast]:checked");
      if (size) {
        root.className = root.className.replace(/(^|\s)text-[\w-]+/g, "").trim() + " text-" + size.value;
      }
      if (contrast) root.classList.toggle("high-contrast", contrast.value === "high");
      status.textContent = form.getAttribute("data-preview-message");
    });
  }

  function enhance() {
    if (speech()) document.querySelectorAll("[data-read-aloud]").forEach(readAloud);
    document.querySelectorAll("[data-display-settings]").forEach(previewDisplay);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhance);
  } else {
    enhance();
  }
})();
