// The findings, most cases first: each a cause to fix once, expandable into what was expected and
// observed, the clauses with their documentation, the command that reproduces it, and its cases.
import { describeForm } from '../../src/gate/deviation-form.ts';
import type { Finding, RunReport } from '../../src/results.ts';
import { escapeHtml as html } from '../html-escape.ts';
import { caseLinks } from './case-links.ts';
import { casesCount } from '../../src/run-record/case-count.ts';
import { clauseWithDoc } from './clause-doc.ts';
import type { PageIndex } from './page-index.ts';

function findingItem(finding: Finding, index: PageIndex): string {
  const clauses = finding.clauses.map((clause) => `<li>${clauseWithDoc(clause, index)}</li>`).join('');
  return `<li class="finding" id="finding-${html(finding.id)}"><details>
<summary><span class="finding-count">${casesCount(finding.caseIds.length)}</span> <span class="finding-headline">${html(finding.headline)}</span> <code class="finding-id">${html(finding.id)}</code></summary>
<div class="finding-body">
<dl class="finding-facts">
<dt>check</dt><dd><code>${html(finding.check)}</code></dd>
<dt>expected</dt><dd>${html(finding.expected)}</dd>
<dt>observed</dt><dd>${html(describeForm(finding.observed))}</dd>
<dt>clauses</dt><dd><ul class="clauses">${clauses}</ul></dd>
</dl>
<p>Reproduce it (the request of its first case, signed again by curl from your credentials):</p>
<pre class="reproduce"><code>${html(finding.reproduce)}</code></pre>
<p class="finding-cases-heading">Its ${casesCount(finding.caseIds.length)}: <button type="button" class="show-finding" data-finding="${html(finding.id)}" hidden>show only these in the case list</button></p>
${caseLinks(finding.caseIds, index)}
</div>
</details></li>`;
}

export function findingsSection(report: RunReport, index: PageIndex): string {
  const body =
    report.findings.length === 0
      ? '<p class="nothing">No findings: no case failed or went unjudged.</p>'
      : `<p class="legend">Failing cases grouped by cause (the check that failed, what was expected, what was answered), the cause that explains most cases first: fix it once, and its cases pass.</p>
<ol class="findings">
${report.findings.map((finding) => findingItem(finding, index)).join('\n')}
</ol>`;
  return `<section id="findings" aria-labelledby="findings-heading">
<h2 id="findings-heading">Findings (${report.findings.length})</h2>
${body}
</section>`;
}
