// The top of the page: the verdict in one word, why in one sentence, the certification level and
// what keeps the next ones back, the counts (the gate's too), and what was run.
import { LEVEL_NAMES } from '../../src/checks/levels.ts';
import type { Certification, GateSummary, RunReport } from '../../src/results.ts';
import { escapeHtml as html } from '../html-escape.ts';
import { certificationSentence, levelLabel } from '../../src/run-record/certification-text.ts';
import { verdictOf } from '../../src/run-record/verdict.ts';
import { caseLinks } from './case-links.ts';
import { casesCount } from '../../src/run-record/case-count.ts';
import { requestCountsSentence } from '../request-counts-text.ts';
import type { PageIndex } from './page-index.ts';

const verdictClass = { conforms: 'conforms', 'known-deviations': 'known', deviates: 'deviates', incomplete: 'incomplete' } as const;

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

function gateCounts(gate: GateSummary | null): string {
  if (gate === null) return '';
  const stale = gate.stale.map((entry) => `<li class="gate-stale">stale: <code>${html(gate.file)}:${entry.line}</code> <code>${html(entry.pattern)}</code> matches no case</li>`).join('');
  return `<ul class="counts" aria-label="gate"><li>gate <code>${html(gate.file)}</code></li><li class="gate-expected">${gate.expected} expected</li><li class="gate-unexpected-pass">${gate.unexpectedPass} unexpected pass</li><li class="gate-regression">${gate.regression} regression</li>${stale}</ul>\n`;
}

// Each level not reached, with the cases keeping it back, one click away (also for a run that
// can claim none, a subset say, since its cases still show what to fix).
function keptBack(certification: Certification, index: PageIndex): string {
  return certification.keptBack
    .filter(({ caseIds }) => caseIds.length > 0)
    .map(({ level, caseIds }) => `<details class="kept-back"><summary>Level ${level} (${html(LEVEL_NAMES[level])}): the ${casesCount(caseIds.length)} keeping it back</summary>${caseLinks(caseIds, index)}</details>`)
    .join('\n');
}

export function verdictSection(report: RunReport, index: PageIndex): string {
  const verdict = verdictOf(report);
  const { summary, certification } = report;
  const count = (outcome: 'pass' | 'fail' | 'error' | 'skip'): string => `<li class="outcome-${outcome}">${summary[outcome]} ${outcome}</li>`;
  return `<header class="verdict ${verdictClass[verdict.kind]}" id="verdict">
<h1 class="verdict-label">${html(verdict.label)}</h1>
<p class="verdict-sentence">${html(verdict.sentence)}</p>
<div class="level level-${certification.level}" id="level">
<p class="level-label">${html(levelLabel(certification))}</p>
<p class="certification">${html(certificationSentence(certification))}</p>
${keptBack(certification, index)}
</div>
<ul class="counts" aria-label="counts"><li>${summary.total} cases</li>${count('pass')}${count('fail')}${count('error')}${count('skip')}</ul>
${gateCounts(report.gate)}<dl class="run-facts">
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
