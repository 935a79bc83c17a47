// The dashboard's only script, inlined and allowed by its hash. It reveals the filters (hidden
// without JavaScript, where every row shows) and hides the rows that do not match them all:
// clause, source, an outcome some column has, and "only where they differ".
export const dashboardScript = `
(function () {
  'use strict';
  var bar = document.getElementById('filters');
  var clause = document.getElementById('filter-clause');
  var source = document.getElementById('filter-source');
  var outcome = document.getElementById('filter-outcome');
  var differ = document.getElementById('filter-differ');
  var shown = document.getElementById('shown-count');
  var caseRows = Array.prototype.slice.call(document.querySelectorAll('tr.case-row'));
  var clauseRows = Array.prototype.slice.call(document.querySelectorAll('tr.clause-row'));

  function apply() {
    var count = 0;
    caseRows.forEach(function (row) {
      var show = (clause.value === '' || row.getAttribute('data-clause') === clause.value) &&
        (source.value === '' || row.getAttribute('data-source') === source.value) &&
        (outcome.value === '' || row.getAttribute('data-statuses').split('|').indexOf(outcome.value) !== -1) &&
        (!differ.checked || row.getAttribute('data-differs') === 'true');
      row.hidden = !show;
      if (show) count += 1;
    });
    clauseRows.forEach(function (row) {
      row.hidden = (clause.value !== '' && row.getAttribute('data-clause') !== clause.value) || (differ.checked && row.getAttribute('data-differs') !== 'true');
    });
    shown.textContent = 'showing ' + count + ' of ' + caseRows.length + ' cases';
  }

  [clause, source, outcome, differ].forEach(function (control) { control.addEventListener('change', apply); });
  bar.hidden = false;
  apply();
})();
`;
