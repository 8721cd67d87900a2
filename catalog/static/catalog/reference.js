// Filters the error reference by status, code or message. A static file: the
// page's Content-Security-Policy allows no inline script.
(function () {
  "use strict";
  var toc = document.querySelector("details.toc");
  if (toc && window.matchMedia("(max-width: 60rem)").matches) { toc.open = false; }
  function markCurrent() {
    document.querySelectorAll(".toc-list a.current").forEach(function (a) {
      a.classList.remove("current");
    });
    if (!location.hash) { return; }
    document.querySelectorAll(".toc-list a").forEach(function (a) {
      var href = a.getAttribute("href");
      if (href.slice(href.indexOf("#")) === location.hash) { a.classList.add("current"); }
    });
  }
  // A large catalog's page goes on over ?page=2, ...: a link to an anchor that is on
  // another page (a helpUrl is always /errors/#code) goes to that page.
  function followElsewhere() {
    var id = decodeURIComponent(location.hash.slice(1));
    if (!id || document.getElementById(id)) { return; }
    var links = document.querySelectorAll(".codes-table a");
    for (var i = 0; i < links.length; i += 1) {
      var href = links[i].getAttribute("href");
      if (href.indexOf("?page=") !== -1 && href.slice(href.indexOf("#") + 1) === id) {
        location.replace(links[i].href);
        return;
      }
    }
  }
  followElsewhere();
  markCurrent();
  window.addEventListener("hashchange", function () { followElsewhere(); markCurrent(); });

  // A reason's example is folded; open it when the URL's anchor targets the reason
  // (a helpUrl), and open every one for printing.
  function openTargeted() {
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    var example = target && target.querySelector("details.example");
    if (example) { example.open = true; }
  }
  openTargeted();
  window.addEventListener("hashchange", openTargeted);
  var folded = [];
  window.addEventListener("beforeprint", function () {
    folded = Array.prototype.filter.call(document.querySelectorAll("details.example"), function (d) { return !d.open; });
    folded.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    folded.forEach(function (d) { d.open = false; });
  });

  var input = document.getElementById("error-filter");
  if (!input) { return; }
  input.parentElement.hidden = false;
  var reasons = Array.prototype.slice.call(document.querySelectorAll("article.reason"));
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.status-section[data-status]"));
  var tocStatuses = Array.prototype.slice.call(document.querySelectorAll(".toc-status"));
  var empty = document.querySelector(".filter-empty");

  function apply() {
    var query = input.value.trim().toLowerCase();
    var shown = 0;
    reasons.forEach(function (reason) {
      var match = !query || reason.getAttribute("data-text").indexOf(query) !== -1;
      reason.hidden = !match;
      var link = document.querySelector('.toc li[data-code="' + reason.id + '"]');
      if (link) { link.hidden = !match; }
      if (match) { shown += 1; }
    });
    sections.forEach(function (section) {
      var status = section.getAttribute("data-status");
      var visible = !query || section.querySelector("article.reason:not([hidden])") !== null ||
        status.indexOf(query) === 0;
      if (visible && query && status.indexOf(query) === 0) {
        section.querySelectorAll("article.reason").forEach(function (r) {
          r.hidden = false;
          shown += 1;
          var item = document.querySelector('.toc li[data-code="' + r.id + '"]');
          if (item) { item.hidden = false; }
        });
      }
      section.hidden = !visible;
      tocStatuses.forEach(function (item) {
        if (item.getAttribute("data-status") === status) { item.hidden = !visible; }
      });
    });
    if (empty) { empty.hidden = shown > 0 || !query; }
  }
  // The filter lives in the URL (?q=), so a filtered page can be linked and reloaded.
  function remember() {
    if (!window.history || !window.URLSearchParams) { return; }
    var params = new URLSearchParams(location.search);
    var query = input.value.trim();
    if (query) { params.set("q", query); } else { params.delete("q"); }
    var search = params.toString();
    history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
  }
  input.addEventListener("input", function () { apply(); remember(); });
  if (window.URLSearchParams) {
    var asked = new URLSearchParams(location.search).get("q");
    if (asked) { input.value = asked; apply(); }
  }
})();
