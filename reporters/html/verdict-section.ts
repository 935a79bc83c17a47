// The top of the page: the verdict in one word, why in one sentence, the counts, and the run's facts.
import type { GateSummary, RunReport } from '../../src/results.ts';
import { escapeHtml as html } from '../html-escape.ts';
import { certificationSentence } from '../certification-text.ts';
import { verdictOf } from '../verdict.ts';

const verdictClass = { conforms: 'conforms', 'known-deviations': 'known', deviates: 'deviates', incomplete: 'incomplete' } as const;

function duration(milliseconds: number): string {
  return milliseconds < 1000 ? `${Math.round(milliseconds)} ms` : `${(milliseconds / 1000).toFixed(1)} s`;
}

// What was run: the selection out of the edition's cases, the rounds, the seed.
function selection(report: RunReport): string {
  const { scope, summary } = report;
  const chosen = scope.partial ? `${Math.round(summary.total / scope.repeat)} of ${scope.editionCases} cases (partial)` : `all ${scope.editionCases} cases`;
  const grep = scope.grep === null ? '' : `, <code>--grep ${html(JSON.stringify(scope.grep))}</code>`;
  const rounds = scope.repeat > 1 ? `, each sent ${scope.repeat} times` : '';
  return `${chosen}${grep}${rounds}; seed ${scope.seed === null ? 'none (no case draws random values)' : scope.seed}`;
}

function gateCounts(gate: GateSummary | null): string {
  if (gate === null) return '';
  const stale = gate.stale.map((entry) => `<li class="gate-stale">stale: <code>${html(gate.file)}:${entry.line}</code> <code>${html(entry.pattern)}</code> matches no case</li>`).join('');
  return `<ul class="counts" aria-label="gate"><li>gate <code>${html(gate.file)}</code></li><li class="gate-expected">${gate.expected} expected</li><li class="gate-unexpected-pass">${gate.unexpectedPass} unexpected pass</li><li class="gate-regression">${gate.regression} regression</li>${stale}</ul>`;
}

export function verdictSection(report: RunReport): string {
  const verdict = verdictOf(report);
  const { summary } = report;
  const count = (outcome: 'pass' | 'fail' | 'error' | 'skip'): string => `<li class="outcome-${outcome}">${summary[outcome]} ${outcome}</li>`;
  return `<header class="verdict ${verdictClass[verdict.kind]}" id="verdict">
<p class="verdict-label">${html(verdict.label)}</p>
<p class="verdict-sentence">${html(verdict.sentence)}</p>
<p class="certification">${html(certificationSentence(report.certification))}</p>
<ul class="counts" aria-label="counts"><li>${summary.total} cases</li>${count('pass')}${count('fail')}${count('error')}${count('skip')}</ul>
${gateCounts(report.gate)}<dl class="run-facts">
<dt>target</dt><dd><code>${html(report.target)}</code></dd>
<dt>edition</dt><dd>${html(report.edition)}</dd>
<dt>selection</dt><dd>${selection(report)}</dd>
<dt>started</dt><dd><time datetime="${html(report.startedAt)}">${html(report.startedAt)}</time> (took ${duration(report.durationMs)})</dd>
<dt>tool</dt><dd>${html(report.tool.name)} ${html(report.tool.version)}</dd>
</dl>
</header>`;
}
