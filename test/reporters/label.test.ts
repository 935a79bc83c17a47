// run --label: the target's name is in every report that names the target, escaped for each.
import { describe, expect, it } from 'vitest';
import { caseResult, runReport } from './support/build-report.ts';
import { renderHtml, renderJunit, renderResultsJson } from './support/render.ts';

describe('the label of a run', () => {
  const report = runReport([caseResult({ id: 'a' })], { label: 'moto <5.2.1> & "friends"' });

  it('is in report.html, junit.xml and results.json beside the target, escaped', () => {
    expect(renderHtml(report)).toContain('<dt>label</dt><dd>moto &lt;5.2.1&gt; &amp; &quot;friends&quot;</dd>');
    expect(renderJunit(report)).toContain('<property name="label" value="moto &lt;5.2.1&gt; &amp; &quot;friends&quot;"/>');
    expect((JSON.parse(renderResultsJson(report)) as { label: string }).label).toBe('moto <5.2.1> & "friends"');
  });
});
