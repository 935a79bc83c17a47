import { describe, expect, it } from 'vitest';
import { renderHtml } from './support/render.ts';
import { personReport } from './support/build-report.ts';

// A finding's first way to reproduce it is the command that makes its own fixtures; the curl line,
// which names the run's fixtures, comes second and says when it works.
describe('report.html: how to reproduce a finding', () => {
  it("shows the reproduce command first, then the curl line marked as needing the run's fixtures, both escaped", () => {
    const report = personReport();
    const command = `lambda-esm-conformance reproduce 'BatchSize/sqs/1<b>' --target http://127.0.0.1:5000`;
    const html = renderHtml({ ...report, findings: report.findings.map((finding) => ({ ...finding, reproduce: command })) });
    const first = html.slice(html.indexOf('<li class="finding"'), html.indexOf('</li>\n<li class="finding"'));
    const commandAt = first.indexOf(`<pre class="reproduce"><code>lambda-esm-conformance reproduce &#39;BatchSize/sqs/1&lt;b&gt;&#39; --target http://127.0.0.1:5000</code></pre>`);
    const curlAt = first.indexOf('<pre class="reproduce curl"><code>curl -sS -i');
    expect(commandAt).toBeGreaterThan(-1);
    expect(curlAt).toBeGreaterThan(commandAt);
    expect(first.slice(commandAt, curlAt)).toContain('only if the run had <code>--keep-fixtures</code>');
  });

  it('shows the curl line alone for cases that are not an edition\'s (a Pact file\'s interactions)', () => {
    const html = renderHtml(personReport());
    expect(html).not.toContain('<pre class="reproduce"><code>');
    expect(html).toContain('<p>Send the request of its first case with curl');
  });
});
