// aidlib report: sort a data table with its Sort menu or a heading, filter it with the search box. No libraries.
// A cell with data-group (a value's unit) sorts by its group first: values of different units never mix.
(function () {
  "use strict";
  function cellKey(row, i) {
    var cell = row.cells[i];
    var key = cell.getAttribute("data-sort");
    if (key !== null && key !== "" && !isNaN(Number(key))) return Number(key);
    return cell.textContent.trim().toLowerCase();
  }
  function groupKey(row, i) {
    return row.cells[i].getAttribute("data-group") || "";
  }
  function compare(a, b, i, asc) {
    var ga = groupKey(a, i), gb = groupKey(b, i);
    if (ga !== gb) return ga < gb ? -1 : 1;  // by unit (always A to Z), then by value
    var x = cellKey(a, i), y = cellKey(b, i);
    if (typeof x !== typeof y) { x = String(x); y = String(y); }
    if (x === y) return Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"));  // as listed
    return (x < y ? -1 : 1) * (asc ? 1 : -1);
  }
  // Sort by column i (-1: as listed), ascending or not; headings and menu say the order.
  function sortBy(table, i, asc) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (c) { c.removeAttribute("aria-sort"); });
    if (i >= 0) heads[i].setAttribute("aria-sort", asc ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      if (i < 0) return Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"));
      return compare(a, b, i, asc);
    });
    rows.forEach(function (r) { body.appendChild(r); });
    var menu = document.getElementById(table.getAttribute("data-sorter"));
    if (menu) menu.value = i < 0 ? "" : i + ":" + (asc ? "asc" : "desc");
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
    Array.prototype.forEach.call(table.tBodies[0].rows, function (r, n) { r.setAttribute("data-order", n); });
    table.querySelectorAll("th[data-col]").forEach(function (th) {
      var toggle = function () { sortBy(table, th.cellIndex, th.getAttribute("aria-sort") !== "ascending"); };
      th.tabIndex = 0;
      th.addEventListener("click", toggle);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter") toggle(); });
    });
    var menu = document.getElementById(table.getAttribute("data-sorter"));
    if (menu) {
      menu.hidden = false;
      menu.addEventListener("change", function () {
        var parts = menu.value.split(":");
        sortBy(table, menu.value ? Number(parts[0]) : -1, parts[1] !== "desc");
      });
    }
    var input = document.getElementById(table.getAttribute("data-filter"));
    var counter = document.getElementById(table.getAttribute("data-count"));
    if (input && counter) {
      input.hidden = false;
      input.addEventListener("input", function () { filter(table, input, counter); });
      filter(table, input, counter);
    }
  });
})();
