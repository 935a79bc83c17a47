// The findings, most cases first, as a bar chart: each a bar of its cases beside the cause and the
// level it keeps back, expandable into what was expected and observed, the clauses with their
// documentation, the command that reproduces it, and its cases. Findings that fail the very same
// cases stand together, since those cases pass only once all of them are fixed.
import { describeForm } from '../../src/gate/deviation-form.ts';
import { findingsBySharedCases } from '../../src/findings/shared-cases.ts';
import { levelKeptBackBy } from '../../src/findings/level-ladder.ts';
import type { Finding, RunReport } from '../../src/results.ts';
import { escapeHtml as html } from '../html-escape.ts';
import { breakable } from './breakable.ts';
import { caseLinks } from './case-links.ts';
import { casesCount } from '../../src/run-record/case-count.ts';
import { countBar } from './charts.ts';
import { clauseWithDoc } from './clause-doc.ts';
import type { PageIndex } from './page-index.ts';

// The command first: it makes the fixtures the case needs. The curl line names the run's own, which
// are gone unless the run kept them (--keep-fixtures).
function reproduction(finding: Finding): string {
  const curl = (send: string): string => `<p>${send} the request of its first case with curl, signed again from your credentials (it names this run's fixtures: they exist only if the run had <code>--keep-fixtures</code>):</p>
<pre class="reproduce curl"><code>${html(finding.curl)}</code></pre>`;
  if (finding.reproduce === null) return curl('Send');
  return `<p>Reproduce it (its first case: the fixtures it needs made, the request sent, the verdict printed, all deleted after):</p>
<pre class="reproduce"><code>${html(finding.reproduce)}</code></pre>
${curl('Or send')}`;
}

function levelWords(level: number | null): string {
  return level === null ? 'keeps back no level' : `keeps back Level ${level}`;
}

function findingItem(finding: Finding, longest: number, index: PageIndex): string {
  const clauses = finding.clauses.map((clause) => `<li>${clauseWithDoc(clause, index)}</li>`).join('');
  const count = casesCount(finding.caseIds.length);
  return `<li class="finding" id="finding-${html(finding.id)}"><details>
<summary>${countBar(finding.caseIds.length, longest, count)}<span class="finding-count">${count}</span> <span class="finding-headline">${html(finding.headline)}</span> <span class="finding-level">${levelWords(levelKeptBackBy(finding))}</span></summary>
<div class="finding-body">
<dl class="finding-facts">
<dt>id</dt><dd><code class="finding-id">${breakable(finding.id)}</code></dd>
<dt>check</dt><dd><code>${breakable(finding.check)}</code></dd>
<dt>expected</dt><dd>${html(finding.expected)}</dd>
<dt>observed</dt><dd>${html(describeForm(finding.observed))}</dd>
<dt>clauses</dt><dd><ul class="clauses">${clauses}</ul></dd>
</dl>
${reproduction(finding)}
<p class="finding-cases-heading">Its ${count}: <button type="button" class="show-finding" data-finding="${html(finding.id)}" hidden>show only these in the case list</button></p>
${caseLinks(finding.caseIds, index)}
</div>
</details></li>`;
}

function findingsList(report: RunReport, index: PageIndex): string {
  const longest = Math.max(...report.findings.map((finding) => finding.caseIds.length));
  const byId = new Map(report.findings.map((finding) => [finding.id, finding]));
  const items = findingsBySharedCases(report.findings).map(({ findingIds, caseIds }) => {
    const group = findingIds.flatMap((id) => byId.get(id) ?? []).map((finding) => findingItem(finding, longest, index));
    if (group.length === 1) return group.join('');
    const both = findingIds.length === 2 ? 'both' : `all ${findingIds.length}`;
    return `<li class="shared-cases"><p class="shared-note">These ${findingIds.length} causes share the same ${casesCount(caseIds.length)}: fix ${both}, and those cases pass.</p>
<ul class="findings">
${group.join('\n')}
</ul></li>`;
  });
  return `<ul class="findings">
${items.join('\n')}
</ul>`;
}

export function findingsSection(report: RunReport, index: PageIndex): string {
  const body =
    report.findings.length === 0
      ? '<p class="nothing">No findings: no case failed or went unjudged.</p>'
      : `<p class="legend">Failing cases grouped by cause (the check that failed, what was expected, what was answered), the cause that explains most cases first, each bar its cases. A case that fails in two ways is in two findings; causes that share all their cases are shown together.</p>
${findingsList(report, index)}`;
  return `<section id="findings" aria-labelledby="findings-heading">
<h2 id="findings-heading">Findings (${report.findings.length})</h2>
${body}
</section>`;
}
