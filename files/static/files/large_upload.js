/* Upload a large file straight to S3 with presigned multipart URLs.
   Six parts travel at once (a browser opens six connections to one host); a failed
   part is retried three times with a growing pause. */
(function () {
  "use strict";
  var form = document.getElementById("large-upload");
  if (!form) return;
  var csrf = form.querySelector("[name=csrfmiddlewaretoken]").value;
  var progress = document.getElementById("lu-progress");
  var percent = document.getElementById("lu-percent");
  var status = document.getElementById("lu-status");
  var cancelButton = document.getElementById("lu-cancel");
  var cancelled = false, current = null;

  function say(text, isError) {
    status.textContent = text;
    status.className = isError ? "help-block help-critical" : "help-block";
  }

  function post(url, data) {
    return fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf, "Accept": "application/json" },
      body: JSON.stringify(data)
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (!response.ok) throw new Error(body.error || ("The server answered " + response.status + "."));
        return body;
      });
    });
  }

  var CRC_TABLE = (function () {
    var table = new Int32Array(256);
    for (var n = 0; n < 256; n++) {
      var c = n;
      for (var k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
    return table;
  })();

  /* The part's CRC32, base64-encoded as S3 expects it in x-amz-checksum-crc32. */
  function crc32(blob) {
    return blob.arrayBuffer().then(function (buffer) {
      var bytes = new Uint8Array(buffer), crc = -1;
      for (var i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xFF] ^ (crc >>> 8);
      crc = (crc ^ -1) >>> 0;
      return btoa(String.fromCharCode(crc >>> 24, (crc >>> 16) & 255, (crc >>> 8) & 255, crc & 255));
    });
  }

  function putPart(signed, blob, onProgress) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      xhr.open("PUT", signed.url);
      Object.keys(signed.headers).forEach(function (name) { xhr.setRequestHeader(name, signed.headers[name]); });
      xhr.upload.onprogress = function (event) { onProgress(event.loaded); };
      xhr.onload = function () {
        var etag = xhr.getResponseHeader("ETag");
        if (xhr.status >= 200 && xhr.status < 300 && etag) resolve(etag);
        else reject(new Error("part refused (" + xhr.status + ")"));
      };
      xhr.onerror = function () { reject(new Error("network error")); };
      xhr.send(blob);
    });
  }

  function withRetries(attempt, tries) {
    return attempt().catch(function (error) {
      if (tries <= 1 || cancelled) throw error;
      return new Promise(function (r) { setTimeout(r, 1000 * (4 - tries)); }).then(function () {
        return withRetries(attempt, tries - 1);
      });
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var file = document.getElementById("lu-file").files[0];
    if (!file) { say("Choose a file first.", true); return; }
    cancelled = false;
    var sent = {};
    var report = function () {
      var total = Object.keys(sent).reduce(function (sum, k) { return sum + sent[k]; }, 0);
      var value = Math.floor(100 * total / file.size);
      progress.value = value; percent.textContent = value + " %";
    };
    progress.hidden = false; cancelButton.hidden = false;
    say("Starting the upload…");
    post(form.dataset.startUrl, {
      filename: file.name, size: file.size,
      title: document.getElementById("lu-title").value,
      collection: document.getElementById("lu-collection").value
    }).then(function (upload) {
      current = upload;
      var parts = [], next = 0;
      say("Uploading " + upload.parts + " parts…");
      function worker() {
        if (cancelled) return Promise.reject(new Error("cancelled"));
        if (next >= upload.parts) return Promise.resolve();
        var index = next++;
        var start = index * upload.part_size;
        var blob = file.slice(start, Math.min(start + upload.part_size, file.size));
        return crc32(blob).then(function (checksum) {
          return post(upload.sign_url, { token: upload.token, part: index + 1, crc32: checksum }).then(function (signed) {
            return withRetries(function () {
              return putPart(signed, blob, function (loaded) { sent[index] = loaded; report(); });
            }, 3).then(function (etag) {
              sent[index] = blob.size; report();
              parts.push({ PartNumber: index + 1, ETag: etag, ChecksumCRC32: checksum });
              return worker();
            });
          });
        });
      }
      return Promise.all([worker(), worker(), worker(), worker(), worker(), worker()]).then(function () {
        say("Checking the file…");
        return post(upload.complete_url, { token: upload.token, parts: parts });
      });
    }).then(function (done) {
      cancelButton.hidden = true;
      status.innerHTML = "";
      var link = document.createElement("a");
      link.href = done.edit_url; link.textContent = done.title;
      say("Upload complete: ");
      status.appendChild(link);
    }).catch(function (error) {
      cancelButton.hidden = true;
      say("The upload failed: " + error.message + " Nothing was saved.", true);
      if (current) post(current.abort_url, { token: current.token }).catch(function () {});
    });
  });

  cancelButton.addEventListener("click", function () { cancelled = true; });
})();
