// The dashboard's index.html: one self-contained page (inline CSS and one inline script allowed by
// its hash, nothing fetched), every byte from a run escaped, its tables whole without JavaScript.
// Its layout is its own: report.html's sections are not shared.
import { CELL_STATUSES, type CaseRow, type CellStatus, type Dashboard, type DashboardColumn, type History } from '../src/dashboard/dashboard.ts';
import { escapeHtml as html } from './html-escape.ts';
import { pageHead } from './page-head.ts';
import { dashboardScript } from './dashboard-script.ts';

const CHART = { width: 640, height: 220, left: 48, right: 48, top: 16, bottom: 32 } as const;

const statusClass = (status: CellStatus): string => `status-${status.replaceAll(' ', '-')}`;

const style = `
:root { color-scheme: light dark; --bg: #fff; --text: #1f2328; --muted: #59636e; --border: #d1d9e0; --surface: #f6f8fa;
  --pass: #116329; --pass-bg: #dafbe1; --fail: #a40e26; --fail-bg: #ffebe9; --known: #6e3b00; --known-bg: #fdf0d5;
  --error: #7d4e00; --error-bg: #fff8c5; --skip: #454c54; --skip-bg: #eff2f5; --line: #0550ae; }
@media (prefers-color-scheme: dark) { :root { --bg: #0d1117; --text: #e6edf3; --muted: #9198a1; --border: #3d444d; --surface: #151b23;
  --pass: #7ee787; --pass-bg: #0f2d1a; --fail: #ffa198; --fail-bg: #3c1618; --known: #f0b072; --known-bg: #3a2410;
  --error: #f2cc60; --error-bg: #3b2a05; --skip: #c9d1d9; --skip-bg: #262c36; --line: #79c0ff; } }
html { background: var(--bg); color: var(--text); }
body { margin: 0 auto; max-width: 1400px; padding: 1.5rem 1.25rem 3rem; font: 15px/1.5 system-ui, sans-serif; }
[hidden] { display: none !important; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
th, td { border: 1px solid var(--border); padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: var(--surface); position: sticky; top: 0; }
.mono, code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.9em; }
.muted { color: var(--muted); }
.status-pass { color: var(--pass); background: var(--pass-bg); }
.status-fail { color: var(--fail); background: var(--fail-bg); }
.status-expected-deviation { color: var(--known); background: var(--known-bg); }
.status-could-not-be-judged { color: var(--error); background: var(--error-bg); }
.status-not-run { color: var(--skip); background: var(--skip-bg); }
tr.differs > th { border-left: 4px solid var(--fail); }
.filters { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; margin: 0.5rem 0; }
svg.chart { max-width: 100%; height: auto; }
svg.chart .passing { fill: none; stroke: var(--line); stroke-width: 2; }
svg.chart .point { fill: var(--line); }
svg.chart .level { fill: none; stroke: var(--known); stroke-width: 2; stroke-dasharray: 4 3; }
svg.chart .level-point { fill: var(--known); }
svg.chart text { fill: var(--muted); font-size: 11px; }
svg.chart .axis { stroke: var(--border); }
`;

function columnHeading(column: DashboardColumn): string {
  const partial = column.partial ? ' <span class="muted">(partial)</span>' : '';
  return `<th scope="col" class="column"><span class="column-label">${html(column.label)}</span><br>
<span class="column-edition">judges by the ${html(column.edition)} edition</span><br>
<span class="column-level">Level ${column.level}</span>, <span class="column-pass">${column.pass} of ${column.total} pass</span>${partial}<br>
<span class="muted mono">${html(column.startedAt)}</span></th>`;
}

function caseRow(row: CaseRow): string {
  const cells = row.cells.map((status) => `<td class="cell ${statusClass(status)}">${status}</td>`).join('');
  return `<tr class="case-row${row.differs ? ' differs' : ''}" data-clause="${html(row.clause)}" data-source="${html(row.sourceType ?? 'any')}" data-statuses="${html(row.cells.join('|'))}" data-differs="${row.differs}">
<th scope="row"><span class="case-id mono">${html(row.id)}</span><br><span class="muted">${html(row.title)}</span></th>${cells}</tr>`;
}

function options(values: readonly string[], all: string): string {
  return [`<option value="">${all}</option>`, ...values.map((value) => `<option value="${html(value)}">${html(value)}</option>`)].join('');
}

function sideBySide(dashboard: Dashboard): string {
  const { columns, clauses, cases } = dashboard;
  const headings = columns.map(columnHeading).join('\n');
  const differing = cases.filter((row) => row.differs).length;
  const clauseRows = clauses
    .map((row) => {
      const cells = row.cells.map((cell) => `<td class="${cell.cases > 0 && cell.pass === cell.cases ? 'status-pass' : cell.cases === 0 ? 'status-not-run' : 'status-fail'}">${cell.pass} / ${cell.cases}</td>`).join('');
      return `<tr class="clause-row${row.differs ? ' differs' : ''}" data-clause="${html(row.clause)}" data-differs="${row.differs}"><th scope="row" class="mono">${html(row.clause)}</th>${cells}</tr>`;
    })
    .join('\n');
  const sources = [...new Set(cases.map((row) => row.sourceType ?? 'any'))];
  return `<section id="side-by-side" aria-labelledby="side-heading">
<h2 id="side-heading">Side by side</h2>
<p>${columns.length === 1 ? '1 target' : `${columns.length} targets`}, each column its latest run; ${differing === 1 ? '1 case differs' : `${differing} cases differ`} between them, listed first.</p>
<div id="filters" class="filters" hidden>
<label>Clause <select id="filter-clause">${options(clauses.map((row) => row.clause), 'every clause')}</select></label>
<label>Source <select id="filter-source">${options(sources, 'every source')}</select></label>
<label>Outcome <select id="filter-outcome">${options(CELL_STATUSES, 'any outcome')}</select></label>
<label><input type="checkbox" id="filter-differ"> only where they differ</label>
<span id="shown-count" aria-live="polite"></span>
</div>
<h3>Clauses</h3>
<table id="clauses"><thead><tr><th scope="col">clause</th>${headings}</tr></thead>
<tbody>
${clauseRows}
</tbody></table>
<h3>Cases</h3>
<table id="cases"><thead><tr><th scope="col">case</th>${headings}</tr></thead>
<tbody>
${cases.map(caseRow).join('\n')}
</tbody></table>
</section>`;
}

/** Passing cases (left axis) and level (right axis, 0 to 3) of each run, oldest first. */
function chart(history: History): string {
  const { width, height, left, right, top, bottom } = CHART;
  const points = history.points;
  const most = Math.max(1, ...points.map((point) => point.total));
  const x = (index: number): number => left + (points.length === 1 ? (width - left - right) / 2 : (index * (width - left - right)) / (points.length - 1));
  const y = (fraction: number): number => top + (1 - fraction) * (height - top - bottom);
  const at = (values: readonly number[]): string => values.map((value, index) => `${x(index).toFixed(1)},${y(value).toFixed(1)}`).join(' ');
  const passFractions = points.map((point) => point.pass / most);
  const levelFractions = points.map((point) => point.level / 3);
  const circles = points
    .map((point, index) => `<circle class="point" cx="${x(index).toFixed(1)}" cy="${y(passFractions[index] ?? 0).toFixed(1)}" r="4"><title>${html(`${point.startedAt}: ${point.pass} of ${point.total} pass, level ${point.level}`)}</title></circle>`)
    .join('');
  const levels = points.map((_, index) => `<rect class="level-point" x="${(x(index) - 3).toFixed(1)}" y="${(y(levelFractions[index] ?? 0) - 3).toFixed(1)}" width="6" height="6"/>`).join('');
  return `<svg class="chart" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" aria-label="${html(`passing cases and level of ${points.length} runs`)}">
<line class="axis" x1="${left}" y1="${y(0)}" x2="${width - right}" y2="${y(0)}"/><line class="axis" x1="${left}" y1="${y(1)}" x2="${width - right}" y2="${y(1)}"/>
<text x="4" y="${y(1) + 4}">${most} cases</text><text x="4" y="${y(0) + 4}">0</text><text x="${width - right + 4}" y="${y(1) + 4}">level 3</text><text x="${width - right + 4}" y="${y(0) + 4}">level 0</text>
<polyline class="passing" points="${at(passFractions)}"/><polyline class="level" points="${at(levelFractions)}"/>${circles}${levels}
</svg>`;
}

function historySection(history: History, index: number): string {
  const rows = history.points.map((point) => `<tr><td class="mono">${html(point.startedAt)}</td><td>${point.pass} of ${point.total}</td><td>${point.level}</td><td class="mono">${html(point.file)}</td></tr>`).join('\n');
  const steps = history.steps
    .map((step) => {
      const items = step.changes.map((change) => `<li class="change" data-kind="${change.kind}"><strong>${change.kind}</strong> <span class="mono">${html(change.id)}</span>: ${html([change.before, change.after].filter((state) => state !== null).join(' → '))}</li>`).join('\n');
      const heading = `From <span class="mono">${html(step.from)}</span> to <span class="mono">${html(step.to)}</span>: ${step.changes.length === 1 ? '1 case changed' : `${step.changes.length} cases changed`}`;
      return `<div class="step"><p>${heading}</p>${items === '' ? '' : `<ul>\n${items}\n</ul>`}</div>`;
    })
    .join('\n');
  return `<article class="history" id="history-${index}">
<h3>${html(history.label)} <span class="muted">(${html(history.edition)} edition, ${history.points.length === 1 ? '1 run' : `${history.points.length} runs`})</span></h3>
${chart(history)}
<table class="points"><thead><tr><th scope="col">run started</th><th scope="col">passing cases</th><th scope="col">level</th><th scope="col">results.json</th></tr></thead>
<tbody>
${rows}
</tbody></table>
${steps}
</article>`;
}

/** The page, a row at a time. */
export function* dashboardHtmlChunks(dashboard: Dashboard): Generator<string> {
  yield `${pageHead({ title: `Lambda ESM conformance: ${dashboard.columns.map((column) => column.label).join(', ')}`, style, script: dashboardScript })}<h1>Lambda ESM conformance dashboard</h1>
`;
  yield sideBySide(dashboard);
  yield `\n<section id="over-time" aria-labelledby="time-heading">
<h2 id="time-heading">Over time</h2>
<p>The runs of each target and edition, oldest first; under each chart, the cases that changed from one run to the next, newly failing first.</p>
`;
  for (const [index, history] of dashboard.histories.entries()) yield `${historySection(history, index)}\n`;
  yield `</section>
<footer class="muted">Generated by lambda-esm-conformance dashboard; the same data is in dashboard.json beside this file.</footer>
<script>${dashboardScript}</script>
</body>
</html>
`;
}
