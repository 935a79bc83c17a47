// The findings, most cases first, each with its cases and the command that reproduces it.
import type { RunReport } from '../../src/results.ts';
import { escapeHtml as html } from '../html-escape.ts';

export function findingsSection(report: RunReport): string {
  if (report.findings.length === 0) return '';
  const items = report.findings.map(
    (finding) => `<li id="finding-${html(finding.id)}"><details>
<summary><code>${html(finding.id)}</code>: ${html(finding.headline)} (${finding.caseIds.length} ${finding.caseIds.length === 1 ? 'case' : 'cases'})</summary>
<p>Cases: ${finding.caseIds.map((id) => `<code>${html(id)}</code>`).join(', ')}</p>
<pre><code>${html(finding.reproduce)}</code></pre>
</details></li>`,
  );
  return `<section id="findings" aria-labelledby="findings-heading">
<h2 id="findings-heading">Findings</h2>
<ol class="findings">
${items.join('\n')}
</ol>
</section>`;
}
