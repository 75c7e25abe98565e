/* Tell the server where the learner was when leaving a topic, so that "Resume" in
   their space opens it at that block. One small beacon on leaving; the server writes
   it to the database at most once a minute. Without this script, marking a topic done
   and answering an exercise still record the place. */
(function () {
  "use strict";
  var script = document.currentScript;
  var url = script.dataset.visitUrl, page = script.dataset.page;
  var form = document.querySelector(".topic-status form");
  var token = form && form.querySelector("[name=csrfmiddlewaretoken]");
  if (!url || !page || !token || !navigator.sendBeacon) return;

  function blockInView() {
    var blocks = document.querySelectorAll(".topic__body .block[id]");
    for (var i = 0; i < blocks.length; i++) {
      if (blocks[i].getBoundingClientRect().bottom > 80) return blocks[i].id;
    }
    return "";
  }

  var sent = false;
  function send() {
    if (sent) return;
    sent = true;
    var data = new FormData();
    data.append("csrfmiddlewaretoken", token.value);
    data.append("page", page);
    data.append("anchor", window.scrollY > 200 ? blockInView() : "");
    navigator.sendBeacon(url, data);
  }
  window.addEventListener("pagehide", send);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") send(); else sent = false;
  });
})();
