// The page's only script, inlined (and allowed by hash in the page's Content-Security-Policy, so
// nothing else can run even if escaping ever failed). Plain DOM, one pass over the case index per
// change, so that thousands of cases filter at once. It reveals the filter bar (hidden without
// JS, where every case simply shows), hides the cases that do not match every filter together
// (outcome, gate status, finding, source, text, and the matrix cell or count pill followed, if
// any), keeps each choice's count current, and opens a case or a finding that a link leads to.
export const filterScript = `
(function () {
  'use strict';
  var index = JSON.parse(document.getElementById('case-index').textContent);
  var rows = index.map(function (entry) { return document.getElementById(entry.row); });
  var bar = document.getElementById('filters');
  var text = document.getElementById('filter-text');
  var finding = document.getElementById('filter-finding');
  var source = document.getElementById('filter-source');
  var boxes = Array.prototype.slice.call(bar.querySelectorAll('input[data-facet]'));
  var counters = Array.prototype.slice.call(bar.querySelectorAll('[data-count]'));
  var cellFilter = document.getElementById('cell-filter');
  var cellLabel = document.getElementById('cell-filter-label');
  var shown = document.getElementById('shown-count');
  var cell = null;

  function ticked(facet) {
    var set = {};
    boxes.forEach(function (box) { if (box.getAttribute('data-facet') === facet) set[box.value] = box.checked; });
    return set;
  }

  function apply() {
    var needle = text.value.trim().toLowerCase();
    var outcomes = ticked('outcome');
    var gates = ticked('gate');
    var chosenFinding = finding.value;
    var chosenSource = source.value;
    var counts = {};
    var count = 0;
    function add(key) { counts[key] = (counts[key] || 0) + 1; }
    index.forEach(function (entry, position) {
      var misses = [];
      if (outcomes[entry.outcome] !== true) misses.push('outcome');
      if (entry.gate !== null && gates[entry.gate] === false) misses.push('gate');
      if (chosenFinding !== '' && (chosenFinding === '-' ? entry.findings.length > 0 : entry.findings.indexOf(chosenFinding) === -1)) misses.push('finding');
      if (chosenSource !== '' && entry.source !== chosenSource) misses.push('source');
      if ((needle !== '' && entry.haystack.indexOf(needle) === -1) || (cell !== null && (entry.clause !== cell.clause || entry.source !== cell.source))) misses.push('rest');
      var visible = misses.length === 0;
      // A choice's count: the cases it would show with every other filter as it is.
      var only = misses.length === 1 ? misses[0] : null;
      if (visible || only === 'outcome') add('outcome:' + entry.outcome);
      if ((visible || only === 'gate') && entry.gate !== null) add('gate:' + entry.gate);
      if (visible || only === 'finding') {
        add('finding:');
        if (entry.findings.length === 0) add('finding:-');
        entry.findings.forEach(function (id) { add('finding:' + id); });
      }
      if (visible || only === 'source') { add('source:'); add('source:' + entry.source); }
      if (rows[position].hidden === visible) rows[position].hidden = !visible;
      if (visible) count += 1;
    });
    counters.forEach(function (counter) {
      counter.textContent = counter.getAttribute('data-label') + ' (' + (counts[counter.getAttribute('data-count')] || 0) + ')';
    });
    cellFilter.hidden = cell === null;
    if (cell !== null) cellLabel.textContent = cell.clause + ' \\u00d7 ' + (cell.source === 'any' ? 'any source' : cell.source);
    shown.textContent = 'showing ' + count + ' of ' + index.length;
  }

  function clear() {
    text.value = '';
    boxes.forEach(function (box) { box.checked = true; });
    finding.value = '';
    source.value = '';
    cell = null;
    apply();
  }

  // A link to a case card or a finding opens it; a case the filters hide is shown by clearing them.
  function reveal() {
    var target = location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    if (target === null) return;
    if (target.matches('details.case')) {
      if (target.hidden) clear();
      target.open = true;
      target.scrollIntoView();
    } else if (target.matches('li.finding')) {
      target.querySelector('details').open = true;
    }
  }

  text.addEventListener('input', apply);
  boxes.forEach(function (box) { box.addEventListener('change', apply); });
  finding.addEventListener('change', apply);
  source.addEventListener('change', apply);
  document.getElementById('filters-clear').addEventListener('click', clear);
  Array.prototype.forEach.call(document.querySelectorAll('a.cell[data-clause]'), function (link) {
    link.addEventListener('click', function () {
      cell = { clause: link.getAttribute('data-clause'), source: link.getAttribute('data-source') };
      apply();
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll('button.show-finding'), function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      clear();
      finding.value = button.getAttribute('data-finding');
      apply();
      document.getElementById('cases').scrollIntoView();
    });
  });
  // A count's pill (an outcome, a gate status) shows only its cases: every other filter cleared.
  Array.prototype.forEach.call(document.querySelectorAll('a[data-only-facet]'), function (link) {
    link.addEventListener('click', function () {
      clear();
      var facet = link.getAttribute('data-only-facet');
      var value = link.getAttribute('data-only-value');
      boxes.forEach(function (box) { if (box.getAttribute('data-facet') === facet) box.checked = box.value === value; });
      apply();
    });
  });
  // Following a link to where the page already is fires no hashchange: reveal it all the same.
  document.addEventListener('click', function (event) {
    var link = event.target.closest('a[href^="#"]');
    if (link !== null && link.getAttribute('href') === location.hash) reveal();
  });
  window.addEventListener('hashchange', reveal);
  bar.hidden = false;
  apply();
  reveal();
})();
`;
