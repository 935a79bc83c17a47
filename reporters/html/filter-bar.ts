// The filters over the case list: outcome, the gate's status (with --expectations), finding,
// source and free text. Hidden until the script runs, since without it every case simply shows.
// Each choice carries a count the script keeps current: how many cases it would show, the other
// filters as they are.
import { matrixColumns } from '../matrix.ts';
import type { GateStatus, RunReport } from '../../src/results.ts';
import { escapeHtml as html } from '../html-escape.ts';
import { gateWords } from './gate-words.ts';
import { columnLabel, sourceKey } from './matrix-section.ts';

// The finding filter's value for the cases no finding explains (the script knows it as '-').
const NO_FINDING = '-';

const OUTCOMES = ['fail', 'error', 'skip', 'pass'] as const;
const GATE_STATUSES: readonly GateStatus[] = ['regression', 'unexpected-pass', 'expected', 'conforms'];

// A counted label: the script rewrites its text as "label (n)".
function counted(key: string, label: string, count: number): string {
  return `<span data-count="${html(key)}" data-label="${html(label)}">${html(label)} (${count})</span>`;
}

function checkbox(facet: string, value: string, label: string, count: number, tint: string): string {
  return `<label class="toggle ${tint}"><input type="checkbox" data-facet="${facet}" value="${html(value)}" checked> ${counted(`${facet}:${value}`, label, count)}</label>`;
}

function option(facet: string, value: string, label: string, count: number): string {
  return `<option value="${html(value)}" data-count="${html(`${facet}:${value}`)}" data-label="${html(label)}">${html(label)} (${count})</option>`;
}

export function filterBar(report: RunReport): string {
  const { cases, gate, findings } = report;
  const outcomes = OUTCOMES.map((outcome) => checkbox('outcome', outcome, outcome, report.summary[outcome], `outcome-${outcome}`)).join('');
  const gates =
    gate === null
      ? ''
      : `<fieldset class="facet"><legend>Gate</legend>${GATE_STATUSES.map((status) => checkbox('gate', status, gateWords(status), cases.filter((result) => result.gate?.status === status).length, `gate-${status}`)).join('')}</fieldset>`;
  const withoutFinding = cases.filter((result) => result.finding === null).length;
  const findingOptions = [
    option('finding', '', 'every case', cases.length),
    ...findings.map((finding) => option('finding', finding.id, finding.id, finding.caseIds.length)),
    option('finding', NO_FINDING, 'no finding', withoutFinding),
  ].join('');
  const sourceOptions = [
    option('source', '', 'every source', cases.length),
    ...matrixColumns(cases).map((sourceType) => option('source', sourceKey(sourceType), columnLabel(sourceType), cases.filter((result) => result.sourceType === sourceType).length)),
  ].join('');
  return `<div class="filters" id="filters" role="search" aria-label="Filter the cases" hidden>
<label class="filter-text">Search <input type="search" id="filter-text" placeholder="id, clause or title" autocomplete="off"></label>
<fieldset class="facet"><legend>Outcome</legend>${outcomes}</fieldset>
${gates}<label class="filter-select">Finding <select id="filter-finding">${findingOptions}</select></label>
<label class="filter-select">Source <select id="filter-source">${sourceOptions}</select></label>
<span class="cell-filter" id="cell-filter" hidden>cell <code id="cell-filter-label"></code></span>
<button type="button" id="filters-clear">clear filters</button>
<span class="shown" id="shown-count" aria-live="polite"></span>
</div>`;
}
