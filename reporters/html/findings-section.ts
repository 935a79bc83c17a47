// The findings, most cases first: each a cause to fix once, expandable into what was expected and
// observed, the clauses with their documentation, the command that reproduces it, and its cases.
import { describeForm } from '../../src/gate/deviation-form.ts';
import type { Finding, RunReport } from '../../src/results.ts';
import { escapeHtml as html } from '../html-escape.ts';
import { caseLinks } from './case-links.ts';
import { casesCount } from '../../src/run-record/case-count.ts';
import { clauseWithDoc } from './clause-doc.ts';
import type { PageIndex } from './page-index.ts';

// The command first: it makes the fixtures the case needs. The curl line names the run's own, which
// are gone unless the run kept them (--keep-fixtures).
function reproduction(finding: Finding): string {
  const curl = `<p>Or send the request of its first case with curl, signed again from your credentials (it names this run's fixtures: they exist only if the run had <code>--keep-fixtures</code>):</p>
<pre class="reproduce curl"><code>${html(finding.curl)}</code></pre>`;
  if (finding.reproduce === null) return curl.replace('<p>Or send', '<p>Send');
  return `<p>Reproduce it (its first case: the fixtures it needs made, the request sent, the verdict printed, all deleted after):</p>
<pre class="reproduce"><code>${html(finding.reproduce)}</code></pre>
${curl}`;
}

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
${reproduction(finding)}
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
