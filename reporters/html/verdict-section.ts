// The top of the page: the verdict in one word, why in one sentence, the counts, and the run's facts.
import type { RunReport } from '../../src/results.ts';
import { escapeHtml as html } from '../html-escape.ts';
import { certificationSentence } from '../certification-text.ts';
import { verdictOf } from '../verdict.ts';

const verdictClass = { CONFORMS: 'conforms', 'DOES NOT CONFORM': 'deviates', INCOMPLETE: 'incomplete' } as const;

function duration(milliseconds: number): string {
  return milliseconds < 1000 ? `${Math.round(milliseconds)} ms` : `${(milliseconds / 1000).toFixed(1)} s`;
}

export function verdictSection(report: RunReport): string {
  const verdict = verdictOf(report);
  const { summary } = report;
  const count = (outcome: 'pass' | 'fail' | 'error' | 'skip'): string => `<li class="outcome-${outcome}">${summary[outcome]} ${outcome}</li>`;
  return `<header class="verdict ${verdictClass[verdict.label]}" id="verdict">
<p class="verdict-label">${html(verdict.label)}</p>
<p class="verdict-sentence">${html(verdict.sentence)}</p>
<p class="certification">${html(certificationSentence(report.certification))}</p>
<ul class="counts" aria-label="counts"><li>${summary.total} cases</li>${count('pass')}${count('fail')}${count('error')}${count('skip')}</ul>
<dl class="run-facts">
<dt>target</dt><dd><code>${html(report.target)}</code></dd>
<dt>edition</dt><dd>${html(report.edition)}</dd>
<dt>started</dt><dd><time datetime="${html(report.startedAt)}">${html(report.startedAt)}</time> (took ${duration(report.durationMs)})</dd>
<dt>tool</dt><dd>${html(report.tool.name)} ${html(report.tool.version)}</dd>
</dl>
</header>`;
}
