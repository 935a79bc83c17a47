import { describe, expect, it } from 'vitest';
import type { CaseResult } from '../../src/results.ts';
import { renderHtml } from './support/render.ts';
import { caseResult, HOSTILE, judgedReport, request, response, runReport, sampleReport } from './support/build-report.ts';

/** The `<details>` element of one case, by id (ids in the sample are unique and contain no markup). */
function caseElement(html: string, id: string): string {
  const start = html.indexOf(`<code class="case-id">${id}</code>`);
  if (start < 0) throw new Error(`no case ${id}`);
  const open = html.lastIndexOf('<details', start);
  return html.slice(open, html.indexOf('</details>', start) + '</details>'.length);
}

function caseIndex(html: string): { row: string; outcome: string; clause: string; sourceType: string | null; haystack: string }[] {
  const match = /<script type="application\/json" id="case-index">([^<]*)<\/script>/.exec(html);
  if (match?.[1] === undefined) throw new Error('no case index');
  return JSON.parse(match[1]) as ReturnType<typeof caseIndex>;
}

describe('renderHtml', () => {
  it('references no external resource: no http(s) or protocol-relative src, href, url() or @import', () => {
    const html = renderHtml(sampleReport({ target: 'https://lambda.us-east-1.amazonaws.com' }));
    expect(html).not.toMatch(/\b(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:|\/\/)/i);
    expect(html).not.toMatch(/url\(\s*["']?\s*(?:https?:|\/\/)/i);
    expect(html).not.toMatch(/@import/i);
    expect(html).not.toMatch(/<(?:link|img|iframe|object|embed|base)\b/i);
    // Two script elements: the JSON island and the inline filter script, neither with src.
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script type="application/json" id="case-index">', '<script>']);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;sha256-[A-Za-z0-9+/=]+&#39;/);
  });

  it('escapes every hostile string, so markup from a response or a spec stays text', () => {
    const html = renderHtml(sampleReport());
    expect(html).not.toContain(HOSTILE.script);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<html>');
    expect(html).not.toContain(`"&'<>`);
    expect(html).toContain('&lt;script&gt;window.__pwned = &quot;script&quot;&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;window.__pwned = &#39;img&#39;&quot;&gt;');
    expect(html).toContain('Title with &quot;&amp;&#39;&lt;&gt; and café ✓ 日本語 🚀');
    expect(html).toContain('data-clause="Hostile.&lt;clause&gt;"');
    expect(html).not.toContain('\u0000');
    expect(html).toContain('nul\\u0000bell\\u0007');
  });

  it('keeps the JSON island unclosable: < is written as \\u003c and the index still parses', () => {
    const html = renderHtml(runReport([caseResult({ id: 'x</script><script>alert(1)</script>', title: '</script>' })]));
    const island = /<script type="application\/json" id="case-index">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
    expect(island).not.toContain('<');
    expect(island).toContain('\\u003c/script>');
    expect(caseIndex(html)[0]?.haystack).toContain('x</script><script>alert(1)</script>');
  });

  it('states the verdict first, then the counts, then the matrix, then the cases', () => {
    const html = renderHtml(sampleReport());
    const body = html.slice(html.indexOf('<body>'));
    expect(body).toMatch(/^<body>\n<header class="verdict deviates" id="verdict">\n<p class="verdict-label">DOES NOT CONFORM<\/p>/);
    expect(body).toContain('<p class="verdict-sentence">2 cases failed and 1 case could not be judged, out of 6 cases.</p>');
    expect(body).toContain('<li>6 cases</li><li class="outcome-pass">2 pass</li><li class="outcome-fail">2 fail</li><li class="outcome-error">1 error</li><li class="outcome-skip">1 skip</li>');
    const order = ['DOES NOT CONFORM', 'class="counts"', 'id="matrix"', 'id="cases"'].map((marker) => body.indexOf(marker));
    expect(order.every((position) => position >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).toMatch(/<title>DOES NOT CONFORM: /);
  });

  const verdicts: { overrides: { complete?: boolean; interruption?: string }; cases: CaseResult[]; label: string; cls: string }[] = [
    { overrides: {}, cases: [caseResult({ id: 'a' })], label: 'CONFORMS', cls: 'conforms' },
    { overrides: { complete: false, interruption: 'The run was interrupted before every case was judged.' }, cases: [caseResult({ id: 'a' })], label: 'INCOMPLETE', cls: 'incomplete' },
    { overrides: { complete: false, interruption: 'The run crashed: boom.' }, cases: [caseResult({ id: 'a', outcome: 'fail' })], label: 'INCOMPLETE', cls: 'incomplete' },
  ];
  it.each(verdicts)('shows the verdict $label for $overrides', ({ overrides, cases, label, cls }) => {
    const html = renderHtml(runReport(cases, overrides));
    expect(html).toContain(`<header class="verdict ${cls}" id="verdict">\n<p class="verdict-label">${label}</p>`);
    if (overrides.interruption !== undefined) expect(html).toContain(`<p class="verdict-sentence">${overrides.interruption}`);
  });

  it('has a matrix of clauses by kinesis, dynamodb, sqs and —, each cell counted and coloured by its worst outcome', () => {
    const html = renderHtml(sampleReport());
    expect(html).toContain('<thead><tr><th scope="col">clause</th><th scope="col">kinesis</th><th scope="col">dynamodb</th><th scope="col">sqs</th><th scope="col">—</th></tr></thead>');
    const row = (clause: string): string => /<tr><th scope="row"><code>[^<]*<\/code><\/th>.*<\/tr>/.exec(html.slice(html.indexOf(`<tr><th scope="row"><code>${clause}</code>`)))?.[0] ?? '';
    const cells = (clause: string): string[] => [...row(clause).matchAll(/<td( class="outcome-(\w+)")?>.*?<\/td>/g)].map((cell) => cell[2] ?? 'empty');
    expect(cells('BatchSize.range')).toEqual(['fail', 'empty', 'pass', 'empty']);
    expect(cells('Operation')).toEqual(['empty', 'empty', 'error', 'empty']);
    expect(cells('FunctionName.required')).toEqual(['empty', 'empty', 'empty', 'skip']);
    expect(row('BatchSize.range')).toContain('>1 fail</a>');
    const clauses = [...html.matchAll(/<tr><th scope="row"><code>([^<]*)<\/code>/g)].map((match) => match[1]);
    expect(clauses).toEqual(['BatchSize.range', 'Enabled', 'FunctionName.required', 'Hostile.&lt;clause&gt;', 'Operation']);
  });

  it('shows every case, failures and errors open with reasons and the request beside the answer', () => {
    const html = renderHtml(sampleReport());
    expect(html.match(/<details class="case"/g)).toHaveLength(6);
    const failing = caseElement(html, 'BatchSize/kinesis/0');
    expect(failing).toMatch(/^<details class="case" id="case-1" data-outcome="fail" open>/);
    expect(failing).toContain('<td><code>status_code_conformance</code></td><td><code>BatchSize.range</code></td><td>expected 400, got 202</td>');
    expect(failing).toContain('<td><code>error_type_conformance</code></td><td><code>Errors.InvalidParameterValueException</code></td>');
    expect(failing).toMatch(/<div class="exchange"><section class="request">.*<\/section><section class="response">.*<\/section><\/div>/s);
    expect(failing).toContain('<p class="start-line mono">POST http://127.0.0.1:4566/2015-03-31/event-source-mappings/</p>');
    expect(failing).toContain('<dt>Authorization</dt><dd>[REDACTED]</dd>');
    expect(failing).toContain('<pre class="body">{\n  &quot;FunctionName&quot;: &quot;conformance-fn&quot;,\n  &quot;BatchSize&quot;: 0\n}</pre>');
    expect(failing).toContain('<h4>Answer (after 3 attempts)</h4><p class="start-line mono">HTTP 202</p>');
    expect(failing).toContain('&quot;State&quot;: &quot;Creating&quot;');
    expect(failing).toContain('<strong>Expected</strong> 400 InvalidParameterValueException. BatchSize has a minimum of 1.');

    const error = caseElement(html, 'Transport/sqs/timeout');
    expect(error).toMatch(/^<details [^>]*data-outcome="error" open>/);
    expect(error).toContain('<h4>Answer</h4><p class="nothing">no answer</p>');
    expect(error).toContain('no answer: timed out after 10000 ms');

    const skipped = caseElement(html, 'FunctionName/none/missing');
    expect(skipped).toMatch(/^<details [^>]*data-outcome="skip">/);
    expect(skipped).toContain('<p class="nothing">not sent</p>');
    expect(skipped).toContain('not run: the run was interrupted');

    const passing = caseElement(html, 'Enabled/dynamodb/false');
    expect(passing).toMatch(/^<details [^>]*data-outcome="pass">/);
    expect(passing).toContain('<strong>Expected</strong> 202 or 200 (left open by the documentation).');
    expect(passing).toContain('<p class="nothing">no body</p>');
    expect(passing).toContain('<pre class="body">plain text, not JSON: ünïcödé</pre>');
  });

  it('never shows a credential that reached it', () => {
    expect(renderHtml(sampleReport())).not.toMatch(/AKIDCANARY|CANARYTOKEN|CANARYCOOKIE/);
  });

  it('hides the filter bar until the script reveals it, and indexes every case for the script', () => {
    const html = renderHtml(sampleReport());
    expect(html).toContain('<div class="filters" id="filters" role="search" hidden>');
    const index = caseIndex(html);
    expect(index.map((entry) => entry.outcome)).toEqual(['pass', 'fail', 'fail', 'error', 'skip', 'pass']);
    expect(index[4]).toEqual({ row: 'case-4', outcome: 'skip', clause: 'FunctionName.required', sourceType: null, haystack: 'functionname/none/missing\nfunctionname.required\nfunctionname is required' });
    for (const entry of index) expect(html).toContain(`id="${entry.row}"`);
  });
});

describe('renderHtml and findings', () => {
  it('shows the level and lists the findings with their cases and curl line, escaped', () => {
    const wrong = caseResult({
      id: 'BatchSize/sqs/0',
      outcome: 'fail',
      request: request({ body: `{"FunctionName":"${HOSTILE.script}"}` }),
      response: response({ status: 201, headers: { 'content-type': 'application/json' }, body: {} }),
      reasons: [{ check: 'status_code_conformance', clause: 'BatchSize.range', message: 'expected 400 InvalidParameterValueException, got 201' }],
    });
    const page = renderHtml(judgedReport([wrong, caseResult({ id: 'p' })]));
    expect(page).toContain('<p class="certification">No level; Level 1 (every status code right) is kept back by 1 case.</p>');
    expect(page).toContain('<code>status-201-for-400-invalid-parameter-value</code>: a request the documentation refuses with 400 InvalidParameterValueException was accepted with 201 (1 case)');
    expect(page).toContain('Cases: <code>BatchSize/sqs/0</code>');
    expect(page).toContain('curl -sS -i -X');
    expect(page).not.toContain(HOSTILE.script);
  });
});
