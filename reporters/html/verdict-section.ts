// The top of the page, the first screen: the verdict in one word and why in one sentence; with a
// gate, its regressions and unexpected passes right under it; the outcomes as a bar; the level
// ladder, each level with what keeps it back; and what was run. Every count is a pill that, with
// JS, filters the case list to its cases (without, it leads to the list).
import { LEVEL_NAMES } from '../../src/checks/levels.ts';
import type { CaseResult, GateStatus, RunReport } from '../../src/results.ts';
import { escapeHtml as html } from '../html-escape.ts';
import { certificationSentence, levelLabel } from '../../src/run-record/certification-text.ts';
import { verdictOf } from '../../src/run-record/verdict.ts';
import { levelLadder, type LadderRung } from '../../src/findings/level-ladder.ts';
import { breakable } from './breakable.ts';
import { caseLinks } from './case-links.ts';
import { casesCount } from '../../src/run-record/case-count.ts';
import { stackedBar } from './charts.ts';
import { gateWords } from './gate-words.ts';
import { requestCountsSentence } from '../request-counts-text.ts';
import type { PageIndex } from './page-index.ts';

const verdictClass = { conforms: 'conforms', 'known-deviations': 'known', deviates: 'deviates', incomplete: 'incomplete' } as const;

/** The gate's changes listed on the first screen; the rest are one click away. */
const GATE_CHANGES_SHOWN = 8;
/** The findings a rung of the ladder names; the rest are counted. */
const RUNG_FINDINGS_SHOWN = 3;

function duration(milliseconds: number): string {
  return milliseconds < 1000 ? `${Math.round(milliseconds)} ms` : `${(milliseconds / 1000).toFixed(1)} s`;
}

// What was run: the selection out of the edition's cases, and the rounds.
function selection(report: RunReport): string {
  const { scope, summary } = report;
  const chosen = scope.partial ? `<strong class="partial">partial</strong>: ${Math.round(summary.total / scope.repeat)} of the ${casesCount(scope.editionCases)} of the edition` : `all ${casesCount(scope.editionCases)} of the edition`;
  const grep = scope.grep === null ? '' : `, <code>--grep ${html(JSON.stringify(scope.grep))}</code>`;
  const rounds = scope.repeat > 1 ? `, each sent ${scope.repeat} times (<code>--repeat ${scope.repeat}</code>)` : '';
  return `${chosen}${grep}${rounds}`;
}

/** A count that filters the case list to its cases: the filter script reads its facet and value. */
function pill(facet: 'outcome' | 'gate', value: string, text: string): string {
  return `<li><a class="pill ${facet}-${value}" href="#cases" data-only-facet="${facet}" data-only-value="${html(value)}">${html(text)}</a></li>`;
}

const OUTCOMES = ['pass', 'fail', 'error', 'skip'] as const;

// The gate's statuses in the order a reader acts on them, each counted in words.
const GATE_STATUSES: readonly { status: GateStatus; one: string; many: string }[] = [
  { status: 'regression', one: 'regression', many: 'regressions' },
  { status: 'unexpected-pass', one: 'unexpected pass', many: 'unexpected passes' },
  { status: 'expected', one: 'expected deviation', many: 'expected deviations' },
  { status: 'conforms', one: 'conforms', many: 'conform' },
];

function gateChangesTable(changes: readonly CaseResult[], index: PageIndex): string {
  const rows = changes.map((result) => {
    const status = result.gate?.status ?? 'conforms';
    const row = index.rowOf(result.id);
    const id = `<code>${breakable(result.id)}</code>`;
    return `<tr><td><span class="badge gate-${status}">${gateWords(status)}</span></td><td>${row === undefined ? id : `<a href="#${row}">${id}</a>`}</td><td>${html(result.gate?.note ?? '')}</td></tr>`;
  });
  return `<table class="gate-changes"><thead><tr><th scope="col">gate</th><th scope="col">case</th><th scope="col">what the file says, and what came</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

// The regressions, then the unexpected passes: what made the gate fail, each case linked to its card.
function gateChanges(report: RunReport, index: PageIndex): string {
  const changes = (['regression', 'unexpected-pass'] as const).flatMap((status) => report.cases.filter((result) => result.gate?.status === status));
  if (changes.length === 0) return '<p class="gate-none">No regression and no unexpected pass: every case is as the file lists it.</p>';
  const first = gateChangesTable(changes.slice(0, GATE_CHANGES_SHOWN), index);
  const rest = changes.slice(GATE_CHANGES_SHOWN);
  return rest.length === 0 ? first : `${first}\n<details class="gate-more"><summary>and ${rest.length} more</summary>${gateChangesTable(rest, index)}</details>`;
}

function gateSection(report: RunReport, index: PageIndex): string {
  const { gate } = report;
  if (gate === null) return '';
  const parts = GATE_STATUSES.map(({ status, one, many }) => {
    const count = report.cases.filter((result) => result.gate?.status === status).length;
    return { status, count, label: `${count} ${count === 1 ? one : many}`, tint: `gate-${status}` };
  });
  const stale = gate.stale.map((entry) => `<li class="gate-stale">stale: <code>${html(gate.file)}:${entry.line}</code> <code>${html(entry.pattern)}</code> matches no case</li>`).join('');
  return `<section class="gate" id="gate" aria-label="the gate">
<p class="gate-file">Gate <code>${html(gate.file)}</code></p>
${stackedBar(parts, 'the gate')}
<ul class="counts" aria-label="gate">${parts.map((part) => pill('gate', part.status, part.label)).join('')}${stale}</ul>
${gateChanges(report, index)}
</section>
`;
}

function outcomes(report: RunReport): string {
  const { summary } = report;
  const parts = OUTCOMES.map((outcome) => ({ outcome, count: summary[outcome], label: `${summary[outcome]} ${outcome}`, tint: `outcome-${outcome}` }));
  return `<div class="outcomes">
${stackedBar(parts, `the ${casesCount(summary.total)}`)}
<ul class="counts" aria-label="counts"><li>${casesCount(summary.total)}</li>${parts.map((part) => pill('outcome', part.outcome, part.label)).join('')}</ul>
</div>`;
}

// What keeps a level back: its cases, and the findings of its own checks (fixing those of the
// levels below comes first).
function rungState(rung: LadderRung, report: RunReport, index: PageIndex): string {
  if (rung.reached) return '<span class="rung-state">reached</span>';
  const uncertified = report.certification.uncertified;
  const state = rung.caseIds.length === 0 ? `<span class="rung-state">not claimed: ${html(uncertified ?? 'a level below is not reached')}</span>` : `<span class="rung-state">kept back by ${casesCount(rung.caseIds.length)}</span>`;
  const named = rung.findingIds.slice(0, RUNG_FINDINGS_SHOWN).map((id) => `<a href="#finding-${html(id)}"><code>${breakable(id)}</code></a> (${index.finding(id)?.caseIds.length ?? 0})`);
  const more = rung.findingIds.length > RUNG_FINDINGS_SHOWN ? [`<a href="#findings">${rung.findingIds.length - RUNG_FINDINGS_SHOWN} more</a>`] : [];
  const findings =
    rung.findingIds.length === 0
      ? rung.caseIds.length === 0 ? '' : '<p class="rung-findings">no finding of its own: the levels below keep it back</p>'
      : `<p class="rung-findings">${rung.findingIds.length === 1 ? 'its finding' : `its ${rung.findingIds.length} findings`}: ${[...named, ...more].join(', ')}</p>`;
  const cases = rung.caseIds.length === 0 ? '' : `<details class="kept-back"><summary>the ${casesCount(rung.caseIds.length)} keeping it back</summary>${caseLinks(rung.caseIds, index)}</details>`;
  return `${state}${findings}${cases}`;
}

function ladder(report: RunReport, index: PageIndex): string {
  const rungs = levelLadder(report.certification, report.findings).map(
    (rung) => `<li class="rung ${rung.reached ? 'reached' : 'kept'}"><p class="rung-head"><strong>Level ${rung.level}</strong> ${html(LEVEL_NAMES[rung.level])}</p>${rungState(rung, report, index)}</li>`,
  );
  return `<ol class="ladder" aria-label="the levels">${rungs.join('')}</ol>`;
}

export function verdictSection(report: RunReport, index: PageIndex): string {
  const verdict = verdictOf(report);
  const { certification } = report;
  return `<header class="verdict ${verdictClass[verdict.kind]}" id="verdict">
<h1 class="verdict-label">${html(verdict.label)}</h1>
<p class="verdict-sentence">${html(verdict.sentence)}</p>
${gateSection(report, index)}${outcomes(report)}
<div class="level level-${certification.level}" id="level">
<p class="level-label">${html(levelLabel(certification))}</p>
<p class="certification">${html(certificationSentence(certification))}</p>
${ladder(report, index)}
</div>
<dl class="run-facts">
<dt>label</dt><dd>${html(report.label)}</dd>
<dt>target</dt><dd><code>${html(report.target)}</code></dd>
<dt>edition</dt><dd>${html(report.edition)}</dd>
<dt>selection</dt><dd>${selection(report)}</dd>
<dt>seed</dt><dd>${report.scope.seed === null ? 'none (no case draws random values)' : `${report.scope.seed} (<code>--seed ${report.scope.seed}</code> draws the same values again)`}</dd>
<dt>started</dt><dd><time datetime="${html(report.startedAt)}">${html(report.startedAt)}</time> (took ${duration(report.durationMs)})</dd>
${report.requests === null ? '' : `<dt>requests</dt><dd>${html(requestCountsSentence(report.requests))}</dd>
`}<dt>tool</dt><dd>${html(report.tool.name)} ${html(report.tool.version)}</dd>
</dl>
</header>`;
}
