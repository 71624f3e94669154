// aidlib report: sort a data table by clicking a header, filter it with the search box. No libraries.
(function () {
  "use strict";
  function cellKey(row, i) {
    var cell = row.cells[i];
    var key = cell.getAttribute("data-sort");
    if (key !== null && key !== "" && !isNaN(Number(key))) return Number(key);
    return cell.textContent.trim().toLowerCase();
  }
  function sortBy(table, th) {
    var i = th.cellIndex;
    var asc = th.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", asc ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellKey(a, i), y = cellKey(b, i);
      if (typeof x !== typeof y) { x = String(x); y = String(y); }
      return (x < y ? -1 : x > y ? 1 : 0) * (asc ? 1 : -1);
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  function filter(table, input, counter) {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    Array.prototype.forEach.call(table.tBodies[0].rows, function (r) {
      var text = r.textContent.toLowerCase();
      var ok = words.every(function (w) { return text.indexOf(w) >= 0; });
      r.hidden = !ok;
      if (ok) shown += 1;
    });
    counter.textContent = shown + " of " + table.tBodies[0].rows.length + " rows";
  }
  document.querySelectorAll("table.data").forEach(function (table) {
    table.querySelectorAll("th[data-col]").forEach(function (th) {
      th.tabIndex = 0;
      th.addEventListener("click", function () { sortBy(table, th); });
      th.addEventListener("keydown", function (e) { if (e.key === "Enter") sortBy(table, th); });
    });
    var input = document.getElementById(table.getAttribute("data-filter"));
    var counter = document.getElementById(table.getAttribute("data-count"));
    if (input && counter) {
      input.hidden = false;
      input.addEventListener("input", function () { filter(table, input, counter); });
      filter(table, input, counter);
    }
  });
})();
