// The page's only script, inlined (and allowed by hash in the page's Content-Security-Policy, so
// nothing else can run even if escaping ever failed). It reads the case index from the JSON
// island, reveals the filter bar (hidden without JS, where every case simply shows) and hides the
// cases that do not match the text, the ticked outcomes, and the matrix cell clicked, if any.
export const filterScript = `
(function () {
  'use strict';
  var index = JSON.parse(document.getElementById('case-index').textContent);
  var bar = document.getElementById('filters');
  var text = document.getElementById('filter-text');
  var boxes = Array.prototype.slice.call(bar.querySelectorAll('input[name="outcome"]'));
  var cellFilter = document.getElementById('cell-filter');
  var cellLabel = document.getElementById('cell-filter-label');
  var shown = document.getElementById('shown-count');
  var cell = null;

  function apply() {
    var needle = text.value.trim().toLowerCase();
    var outcomes = {};
    boxes.forEach(function (box) { outcomes[box.value] = box.checked; });
    var count = 0;
    index.forEach(function (entry) {
      var visible = outcomes[entry.outcome] === true
        && (needle === '' || entry.haystack.indexOf(needle) !== -1)
        && (cell === null || (entry.clause === cell.clause && entry.sourceType === cell.sourceType));
      document.getElementById(entry.row).hidden = !visible;
      if (visible) count += 1;
    });
    cellFilter.hidden = cell === null;
    if (cell !== null) cellLabel.textContent = cell.clause + ' \\u00d7 ' + (cell.sourceType === null ? '\\u2014' : cell.sourceType);
    shown.textContent = 'showing ' + count + ' of ' + index.length;
  }

  text.addEventListener('input', apply);
  boxes.forEach(function (box) { box.addEventListener('change', apply); });
  document.getElementById('cell-filter-clear').addEventListener('click', function () { cell = null; apply(); });
  Array.prototype.forEach.call(document.querySelectorAll('a.cell[data-clause]'), function (link) {
    link.addEventListener('click', function () {
      var source = link.getAttribute('data-source-type');
      cell = { clause: link.getAttribute('data-clause'), sourceType: source === '' ? null : source };
      apply();
    });
  });
  bar.hidden = false;
  apply();
})();
`;
