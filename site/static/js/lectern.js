/* Lectern learner pages: progressive enhancement only. Every feature below also
   works without this script (plain form posts, plain ?t= links). */
(function () {
  "use strict";

  function seekVideo(section, seconds) {
    var video = section.querySelector("[data-video-player]");
    if (!video) return false;
    var go = function () { video.currentTime = seconds; };
    if (video.readyState >= 1) { go(); } else { video.addEventListener("loadedmetadata", go, { once: true }); video.load(); }
    video.focus();
    return true;
  }

  function markCurrentCue(section) {
    var video = section.querySelector("[data-video-player]");
    var cues = section.querySelectorAll(".transcript__cues [data-seek]");
    if (!video || !cues.length) return;
    video.addEventListener("timeupdate", function () {
      var current = null;
      cues.forEach(function (link) { if (parseFloat(link.dataset.seek) <= video.currentTime) current = link; });
      cues.forEach(function (link) {
        if (link === current) link.setAttribute("aria-current", "time"); else link.removeAttribute("aria-current");
      });
    });
  }

  document.querySelectorAll("[data-video]").forEach(function (section) {
    markCurrentCue(section);
    section.addEventListener("click", function (event) {
      var link = event.target.closest("[data-seek]");
      if (!link) return;
      var seconds = parseFloat(link.dataset.seek);
      if (isNaN(seconds) || !seekVideo(section, seconds)) return;
      event.preventDefault();
      var url = new URL(link.href, window.location.href);
      history.replaceState(null, "", url.pathname + url.search + url.hash);
    });
  });

  function showResult(form, html, isError) {
    var box = form.parentElement.querySelector("[data-exercise-result]");
    box.innerHTML = "";
    if (isError) {
      var p = document.createElement("p");
      p.className = "error";
      p.setAttribute("role", "alert");
      p.textContent = html;
      box.appendChild(p);
    } else {
      box.innerHTML = html;
    }
    box.focus();
  }

  document.querySelectorAll("[data-exercise-form]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.fetch) return;
      event.preventDefault();
      var token = form.querySelector("[name=csrfmiddlewaretoken]");
      fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        credentials: "same-origin",
        headers: { "Accept": "application/json", "X-CSRFToken": token ? token.value : "" }
      }).then(function (response) {
        return response.json().then(function (data) { return { ok: response.ok, data: data }; });
      }).then(function (reply) {
        if (reply.ok) showResult(form, reply.data.html, false);
        else showResult(form, reply.data.error || form.dataset.errorMessage, true);  // in the page's language
      }).catch(function () {
        form.submit();  // fall back to the plain form post
      });
    });
  });
})();

/* Filter a list (glossary, tool library) as the learner types. */
(function () {
  "use strict";
  document.querySelectorAll("[data-filter]").forEach(function (box) {
    var list = document.getElementById(box.dataset.filter);
    var input = box.querySelector("input");
    var count = box.querySelector(".filter__count");
    if (!list || !input) return;
    box.hidden = false;
    var items = Array.prototype.slice.call(list.querySelectorAll("[data-filter-item]"));
    var fold = function (text) { return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); };
    input.addEventListener("input", function () {
      var query = fold(input.value.trim());
      var shown = 0;
      items.forEach(function (item) {
        var match = !query || fold(item.textContent).indexOf(query) !== -1;
        item.hidden = !match;
        if (match) shown += 1;
      });
      list.querySelectorAll("[data-filter-group]").forEach(function (group) {
        group.hidden = !group.querySelector("[data-filter-item]:not([hidden])");
      });
      count.textContent = query ? shown + " / " + items.length : "";
    });
  });
})();

/* Suggestions while typing in the search box. */
(function () {
  "use strict";
  var input = document.querySelector("[data-suggest-url]");
  if (!input || !window.fetch) return;
  var list = document.getElementById(input.getAttribute("list"));
  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var q = input.value.trim();
      if (q.length < 2) { list.innerHTML = ""; return; }
      fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(q)).then(function (r) { return r.json(); }).then(function (data) {
        list.innerHTML = "";
        (data.suggestions || []).forEach(function (s) {
          var option = document.createElement("option");
          option.value = s.title;
          list.appendChild(option);
        });
      }).catch(function () {});
    }, 150);
  });
})();
