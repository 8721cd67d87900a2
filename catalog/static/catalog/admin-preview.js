// The admin's live preview, as a file: the admin's CSP allows no inline script.
(function () {
  // Re-render the preview from the values being typed, before they are saved.
  const box = document.getElementById("catalog-preview");
  const form = box.closest("form");
  let timer = null;
  function refresh() {
    fetch(box.dataset.url, {method: "POST", body: new FormData(form), credentials: "same-origin"})
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response); })
      .then(function (html) {
        document.getElementById("catalog-preview-body").innerHTML = html;
        document.getElementById("catalog-preview-state").textContent = "(unsaved values)";
      })
      .catch(function () {});
  }
  form.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(refresh, 300); });
})();
