import { describe, expect, it } from 'vitest';
import type { CaseResult } from '../../src/results.ts';
import { breakable } from '../../reporters/html/breakable.ts';
import { renderHtml } from './support/render.ts';
import { caseResult, HOSTILE, judgedReport, personReport, request, response, runReport, sampleReport } from './support/build-report.ts';

/** The `<details>` element of one case, by id (ids in the sample are unique and contain no markup). */
function caseElement(html: string, id: string): string {
  const start = html.indexOf(`<code class="case-id">${breakable(id)}</code>`);
  if (start < 0) throw new Error(`no case ${id}`);
  const open = html.lastIndexOf('<details', start);
  return html.slice(open, html.indexOf('</details>', start) + '</details>'.length);
}

interface IndexEntry {
  row: string;
  outcome: string;
  gate: string | null;
  findings: string[];
  source: string;
  clause: string;
  haystack: string;
}

function caseIndex(html: string): IndexEntry[] {
  const match = /<script type="application\/json" id="case-index">([^<]*)<\/script>/.exec(html);
  if (match?.[1] === undefined) throw new Error('no case index');
  return JSON.parse(match[1]) as ReturnType<typeof caseIndex>;
}

/** The heatmap's row of a clause. */
function matrixRow(html: string, clause: string): string {
  const start = html.indexOf(`<code>${breakable(clause)}</code></th>`);
  if (start < 0) throw new Error(`no matrix row ${clause}`);
  return html.slice(html.lastIndexOf('<tr>', start), html.indexOf('</tr>', start));
}

/** Each cell of a clause's row as its chips read: "✓1✗10", or '' when it holds no case. */
function matrixCells(html: string, clause: string): string[] {
  return [...matrixRow(html, clause).matchAll(/<td>(.*?)<\/td>/g)].map((cell) => [...(cell[1] ?? '').matchAll(/<span class="chip [^"]*">([^<]*)<\/span>/g)].map((chip) => chip[1]).join(''));
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
    expect(body).toMatch(/^<body>\n<header class="verdict deviates" id="verdict">\n<h1 class="verdict-label">DOES NOT CONFORM<\/h1>/);
    expect(body).toContain('<p class="verdict-sentence">2 cases failed and 1 case could not be judged, out of 6 cases.</p>');
    expect(body).toContain(
      '<li>6 cases</li><li><a class="pill outcome-pass" href="#cases" data-only-facet="outcome" data-only-value="pass">2 pass</a></li><li><a class="pill outcome-fail" href="#cases" data-only-facet="outcome" data-only-value="fail">2 fail</a></li><li><a class="pill outcome-error" href="#cases" data-only-facet="outcome" data-only-value="error">1 error</a></li><li><a class="pill outcome-skip" href="#cases" data-only-facet="outcome" data-only-value="skip">1 skip</a></li>',
    );
    const order = ['DOES NOT CONFORM', 'class="counts"', 'id="matrix"', 'id="cases"'].map((marker) => body.indexOf(marker));
    expect(order.every((position) => position >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).toMatch(/<title>DOES NOT CONFORM: /);
  });

  it('reads in the order a person does: verdict, the gate and its regressions, outcomes, level, scope, findings, matrix, cases', () => {
    const html = renderHtml(personReport());
    const order = [
      '<h1 class="verdict-label">DOES NOT CONFORM</h1>',
      '<p class="gate-file">Gate <code>known.yaml</code></p>',
      'data-only-value="regression">2 regressions</a></li><li><a class="pill gate-unexpected-pass" href="#cases" data-only-facet="gate" data-only-value="unexpected-pass">1 unexpected pass</a></li><li><a class="pill gate-expected" href="#cases" data-only-facet="gate" data-only-value="expected">3 expected deviations</a>',
      '<table class="gate-changes">',
      '<ul class="counts" aria-label="counts">',
      '<p class="level-label">no level</p>',
      '<dt>selection</dt><dd>all 8 cases of the edition</dd>',
      '<dt>seed</dt><dd>none (no case draws random values)</dd>',
      '<h2 id="findings-heading">Findings (3)</h2>',
      '<h2 id="matrix-heading">',
      '<h2 id="cases-heading">Cases (8)</h2>',
      '<details class="case"',
    ].map((marker) => html.indexOf(marker));
    expect(order.every((position) => position >= 0), String(order)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Headings in order, none skipped: h1, then h2 sections, then h3 inside a case.
    const levels = [...html.matchAll(/<h(\d)[ >]/g)].map((match) => Number(match[1]));
    expect(levels[0]).toBe(1);
    expect(levels.every((level, position) => position === 0 || level <= (levels[position - 1] ?? 0) + 1)).toBe(true);
  });

  it('says what the requests cost among the facts of the run, when they were counted', () => {
    const requests = { apiCalls: 100, requests: 104, throttled: 4, retries: 4, limiterWaitMs: 2_500, backoffMs: 600, capRps: null };
    expect(renderHtml(sampleReport({ requests }))).toContain(
      '<dt>requests</dt><dd>100 API calls: 104 requests sent, 4 throttled (3.8 %), 4 retries; 2.5 s waiting in the rate limiter and 0.6 s backing off (summed over requests).</dd>',
    );
    expect(renderHtml(sampleReport())).not.toContain('<dt>requests</dt>');
  });

  it('labels a --grep subset partial: in the verdict, the title and the selection, and claims no level', () => {
    const html = renderHtml(personReport({ partial: true }));
    expect(html).toContain('<h1 class="verdict-label">DOES NOT CONFORM (partial: 8 cases of 119)</h1>');
    expect(html).toContain('<title>DOES NOT CONFORM (partial: 8 cases of 119): ');
    expect(html).toContain('<dd><strong class="partial">partial</strong>: 8 of the 119 cases of the edition, <code>--grep &quot;^(BatchSize|Enabled)/&quot;</code></dd>');
    expect(html).toContain('Partial: 8 cases of the seed edition&#39;s 119 were run (--grep &quot;^(BatchSize|Enabled)/&quot;).');
    expect(html).toContain('<p class="certification">No level: it ran a --grep subset, and a level is claimed only for a complete run of every case of the edition.</p>');
    expect(renderHtml(runReport([caseResult({ id: 'a' })], { scope: { grep: 'a', repeat: 1, seed: null, editionCases: 119, partial: true } }))).toContain('<h1 class="verdict-label">CONFORMS (partial: 1 case of 119)</h1>');
  });

  it('shows the level reached and, for each level not reached, the cases that keep it back, linked to their cards', () => {
    const html = renderHtml(personReport());
    expect(html).toContain('<p class="certification">No level; Level 1 (every status code right) is kept back by 4 cases.</p>');
    const rung = /<li class="rung kept"><p class="rung-head"><strong>Level 2<\/strong> also error types and response shapes<\/p>(.*?)<\/li><li class="rung/.exec(html)?.[1] ?? '';
    expect(rung).toContain('<span class="rung-state">kept back by 5 cases</span>');
    expect(rung).toContain('<details class="kept-back"><summary>the 5 cases keeping it back</summary>');
    expect(rung).toContain(`<li><a href="#case-3"><code>${breakable('BatchSize/wrong-type/string')}</code></a></li>`);
    const reached = renderHtml(judgedReport([caseResult({ id: 'a' })]));
    expect(reached).toContain('<p class="level-label">Level 3</p>');
    expect(reached).not.toContain('<details class="kept-back">');
  });

  const verdicts: { overrides: { complete?: boolean; interruption?: string }; cases: CaseResult[]; label: string; cls: string }[] = [
    { overrides: {}, cases: [caseResult({ id: 'a' })], label: 'CONFORMS', cls: 'conforms' },
    { overrides: { complete: false, interruption: 'The run was interrupted before every case was judged.' }, cases: [caseResult({ id: 'a' })], label: 'INCOMPLETE', cls: 'incomplete' },
    { overrides: { complete: false, interruption: 'The run crashed: boom.' }, cases: [caseResult({ id: 'a', outcome: 'fail' })], label: 'INCOMPLETE', cls: 'incomplete' },
  ];
  it.each(verdicts)('shows the verdict $label for $overrides', ({ overrides, cases, label, cls }) => {
    const html = renderHtml(runReport(cases, overrides));
    expect(html).toContain(`<header class="verdict ${cls}" id="verdict">\n<h1 class="verdict-label">${label}</h1>`);
    if (overrides.interruption !== undefined) expect(html).toContain(`<p class="verdict-sentence">${overrides.interruption}`);
  });

  it('has a heatmap of clauses by kinesis, dynamodb, sqs and any source, each cell counting every outcome it holds', () => {
    const html = renderHtml(sampleReport());
    expect(html).toContain('<thead><tr><th scope="col">clause</th><th scope="col">kinesis</th><th scope="col">dynamodb</th><th scope="col">sqs</th><th scope="col">any source</th></tr></thead>');
    expect(matrixCells(html, 'BatchSize.range')).toEqual(['✗1', '', '✓1', '']);
    expect(matrixCells(html, 'Operation')).toEqual(['', '', '!1', '']);
    expect(matrixCells(html, 'FunctionName.required')).toEqual(['', '', '', '–1']);
    expect(matrixRow(html, 'FunctionName.required')).toContain('data-source="any" title="FunctionName.required × any source: 1 skip" aria-label="FunctionName.required × any source: 1 skip"><span class="chip outcome-skip">–1</span></a>');
    const clauses = [...html.matchAll(/<tr><th scope="row"[^>]*><code>([^<]*)</g)].map((match) => match[1]);
    expect(clauses).toEqual(['BatchSize.', 'Enabled', 'FunctionName.', 'Hostile.', 'Operation']);
  });

  it('shows both the passes and the failures of a cell, not only the worst: 1 pass and 10 fail read as both', () => {
    const cases = [caseResult({ id: 'p', outcome: 'pass' }), ...Array.from({ length: 10 }, (_, position) => caseResult({ id: `f${position}`, outcome: 'fail' }))];
    const html = renderHtml(runReport(cases));
    expect(matrixRow(html, 'BatchSize.range')).toContain('title="BatchSize.range × sqs: 1 pass, 10 fail" aria-label="BatchSize.range × sqs: 1 pass, 10 fail"><span class="chip outcome-pass">✓1</span><span class="chip outcome-fail">✗10</span></a>');
  });

  it('shows every case, failures and errors open with reasons and the request beside the answer', () => {
    const html = renderHtml(sampleReport());
    expect(html.match(/<details class="case"/g)).toHaveLength(6);
    const failing = caseElement(html, 'BatchSize/kinesis/0');
    // Closed, failures too: a person opens the one they want.
    expect(failing).toMatch(/^<details class="case" id="case-1" data-outcome="fail">/);
    expect(failing).toContain('<td><code>status_<wbr>code_<wbr>conformance</code></td><td><code>BatchSize.range</code></td><td>expected 400, got 202</td>');
    expect(failing).toContain('<td><code>error_<wbr>type_<wbr>conformance</code></td><td><code>Errors.InvalidParameterValueException</code></td>');
    expect(failing).toMatch(/<div class="exchange"><section class="request">.*<\/section><section class="response">.*<\/section><\/div>/s);
    expect(failing).toContain('<p class="start-line mono">POST http://127.0.0.1:4566/2015-03-31/event-source-mappings/</p>');
    expect(failing).toContain('<dt>Authorization</dt><dd>[REDACTED]</dd>');
    expect(failing).toContain('<pre class="body">{\n  &quot;FunctionName&quot;: &quot;conformance-fn&quot;,\n  &quot;BatchSize&quot;: 0\n}</pre>');
    expect(failing).toContain('<h3>Answer (after 3 attempts)</h3><p class="start-line mono">HTTP 202</p>');
    expect(failing).toContain('&quot;State&quot;: &quot;Creating&quot;');
    expect(failing).toContain('<strong>Expected</strong> 400 InvalidParameterValueException. BatchSize has a minimum of 1.');

    const error = caseElement(html, 'Transport/sqs/timeout');
    expect(error).toMatch(/^<details [^>]*data-outcome="error">/);
    expect(error).toContain('<h3>Answer</h3><p class="nothing">no answer</p>');
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
    expect(html).toContain('<div class="filters" id="filters" role="search" aria-label="Filter the cases" hidden>');
    const index = caseIndex(html);
    expect(index.map((entry) => entry.outcome)).toEqual(['pass', 'fail', 'fail', 'error', 'skip', 'pass']);
    expect(index[4]).toEqual({ row: 'case-4', outcome: 'skip', gate: null, findings: [], source: 'any', clause: 'FunctionName.required', haystack: 'functionname/none/missing\nfunctionname.required\nfunctionname is required' });
    for (const entry of index) expect(html).toContain(`id="${entry.row}"`);
    // No gate, no gate filter.
    expect(html).not.toContain('<legend>Gate</legend>');
  });

  it('labels every filter control and counts each choice: outcome, gate, finding, source, text', () => {
    const html = renderHtml(personReport());
    const bar = html.slice(html.indexOf('<div class="filters"'), html.indexOf('</div>', html.indexOf('<div class="filters"')));
    expect(bar).toContain('<label class="filter-text">Search <input type="search" id="filter-text"');
    expect(bar).toContain('<fieldset class="facet"><legend>Outcome</legend>');
    expect(bar).toContain('<input type="checkbox" data-facet="outcome" value="fail" checked> <span data-count="outcome:fail" data-label="fail">fail (5)</span>');
    expect(bar).toContain('<input type="checkbox" data-facet="gate" value="unexpected-pass" checked> <span data-count="gate:unexpected-pass" data-label="unexpected pass">unexpected pass (1)</span>');
    expect(bar).toContain('<label class="filter-select">Finding <select id="filter-finding">');
    expect(bar).toContain('<option value="status-201-for-202" data-count="finding:status-201-for-202" data-label="status-201-for-202">status-201-for-202 (3)</option>');
    expect(bar).toContain('<option value="-" data-count="finding:-" data-label="no finding">no finding (3)</option>');
    expect(bar).toContain('<label class="filter-select">Source <select id="filter-source">');
    expect(bar).toContain('<option value="any" data-count="source:any" data-label="any source">any source (2)</option>');
    const index = caseIndex(html);
    expect(index.find((entry) => entry.haystack.startsWith('batchsize/wrong-type/'))).toMatchObject({ gate: 'regression', source: 'any', findings: ['type-400-resource-not-found-for-400-invalid-parameter-value'] });
    expect(index.find((entry) => entry.haystack.startsWith('batchsize/sqs/10'))).toMatchObject({ gate: 'unexpected-pass', findings: [] });
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
    expect(page).toContain('<span class="finding-count">1 case</span> <span class="finding-headline">a request the documentation refuses with 400 InvalidParameterValueException was accepted with 201</span> <span class="finding-level">keeps back Level 1</span></summary>');
    expect(page).toContain('<dt>id</dt><dd><code class="finding-id">status-201-for-400-invalid-parameter-value</code></dd>');
    expect(page).toContain(`<ul class="case-links"><li><a href="#case-0"><code>${breakable('BatchSize/sqs/0')}</code></a></li></ul>`);
    expect(page).toContain('<pre class="reproduce curl"><code>curl -sS -i -X');
    expect(page).not.toContain(HOSTILE.script);
  });

  it('orders the findings by how many cases each explains, each with its facts, curl line and linked cases', () => {
    const html = renderHtml(personReport());
    const ids = [...html.matchAll(/<li class="finding" id="finding-([^"]+)">/g)].map((match) => match[1]);
    expect(ids).toEqual(['status-201-for-202', 'status-201-for-400-invalid-parameter-value', 'type-400-resource-not-found-for-400-invalid-parameter-value']);
    const first = html.slice(html.indexOf('<li class="finding" id="finding-status-201-for-202">'), html.indexOf('</li>\n<li class="finding"'));
    expect(first).toContain('<span class="finding-count">3 cases</span>');
    expect(first).toContain('<dt>expected</dt><dd>202</dd>\n<dt>observed</dt><dd>201 (no error type)</dd>');
    expect(first).toContain('<dt>clauses</dt><dd><ul class="clauses"><li><code>BatchSize.range</code> <q class="clause-doc">BatchSize: the maximum number');
    expect(first).toContain('<pre class="reproduce curl"><code>curl -sS -i -X &#39;POST&#39; &#39;http://127.0.0.1:4566/2015-03-31/event-source-mappings/&#39;');
    expect(first).toContain(`<a href="#case-0"><code>${breakable('BatchSize/sqs/1')}</code></a></li><li><a href="#case-2"><code>${breakable('BatchSize/kinesis/1')}</code></a></li><li><a href="#case-4"><code>${breakable('Enabled/dynamodb/true')}</code></a>`);
    // Its cases name it back.
    expect(caseElement(html, 'Enabled/dynamodb/true')).toContain('<p><strong>Finding</strong> <a href="#finding-status-201-for-202"><code>status-201-for-202</code></a> (a successful create answered 201, the documentation says 202, 3 cases)</p>');
    expect(renderHtml(judgedReport([caseResult({ id: 'p' })]))).toContain('<h2 id="findings-heading">Findings (0)</h2>\n<p class="nothing">No findings: no case failed or went unjudged.</p>');
  });

  it('files the cases about no source under "any source", not under the source their body happens to use', () => {
    const html = renderHtml(personReport());
    expect(matrixCells(html, 'BatchSize.type')).toEqual(['', '', '', '✗1']);
    expect(matrixCells(html, 'Enabled.type')).toEqual(['', '', '', '✓1']);
    expect(caseElement(html, 'BatchSize/wrong-type/string')).toContain('<span class="case-facts"><code>BatchSize.type</code> · any source · 12 ms</span>');
  });

  it('quotes the documentation sentence of each clause: on the case, in the matrix (as its title), in the findings and the reasons', () => {
    const html = renderHtml(personReport());
    expect(caseElement(html, 'BatchSize/wrong-type/string')).toContain('<figure class="doc"><figcaption><code>BatchSize.type</code> stands for:</figcaption><blockquote>BatchSize: Type: Integer</blockquote></figure>');
    expect(html).toContain('<tr><th scope="row" title="Enabled: Type: Boolean"><code>Enabled.<wbr>type</code></th>');
    const withOtherClause = renderHtml(runReport([caseResult({ id: 'Enabled/x', clause: 'Enabled', doc: 'Enabled: If true.' }), caseResult({ id: 'b', outcome: 'fail', reasons: [{ check: 'echoed_value_conformance', clause: 'Enabled', message: 'not echoed' }] })]));
    expect(caseElement(withOtherClause, 'b')).toContain('<td><code>Enabled</code> <q class="clause-doc">Enabled: If true.</q></td><td>not echoed</td>');
    // A doc is text like any other: escaped.
    const hostile = renderHtml(sampleReport());
    expect(hostile).toContain('<blockquote>A hostile sentence &lt;script&gt;window.__pwned');
    expect(hostile).not.toContain(HOSTILE.script);
  });

  it('badges the gate status of each case in words, beside its outcome', () => {
    const html = renderHtml(personReport());
    const summary = (id: string): string => /<summary>.*?<\/summary>/.exec(caseElement(html, id))?.[0] ?? '';
    expect(summary('BatchSize/sqs/1')).toContain('<span class="badge outcome-fail">fail</span> <span class="badge gate-expected">expected deviation</span>');
    expect(summary('Enabled/dynamodb/true')).toContain('<span class="badge gate-regression">regression</span>');
    expect(summary('BatchSize/sqs/10')).toContain('<span class="badge outcome-pass">pass</span> <span class="badge gate-unexpected-pass">unexpected pass</span>');
    expect(summary('Enabled/sqs/false')).not.toContain('gate-');
    expect(caseElement(html, 'BatchSize/sqs/1')).toContain('<p><strong>Gate</strong> expected deviation: it is expected. Listed as <code>BatchSize/*</code>: known: answers 201.</p>');
    expect(html).toContain('<li class="gate-stale">stale: <code>known.yaml:7</code> <code>Gone/*</code> matches no case</li>');
  });
});

describe('renderHtml: the gate first, and the charts', () => {
  /** A 201 sent as text/html where 202 as JSON was documented: two findings over the same cases. */
  const createdAsHtml = (id: string): CaseResult =>
    caseResult({
      id,
      outcome: 'fail',
      expected: { status: 202, errorTypes: [], alsoAccepted: [], why: 'valid' },
      response: response({ status: 201, headers: { 'content-type': 'text/html' }, body: {} }),
      reasons: [
        { check: 'status_code_conformance', clause: 'BatchSize.range', message: 'expected 202, got 201' },
        { check: 'content_type_conformance', clause: 'Response.content-type', message: 'text/html' },
      ],
    });
  const refusedAs201 = caseResult({
    id: 'BatchSize/sqs/0',
    outcome: 'fail',
    response: response({ status: 201, headers: { 'content-type': 'application/json' }, body: {} }),
    reasons: [{ check: 'status_code_conformance', clause: 'BatchSize.range', message: 'expected 400, got 201' }],
  });

  it('lists the regressions and unexpected passes right under the verdict, each linked to its card with what the file said and what came', () => {
    const html = renderHtml(personReport());
    const header = html.slice(html.indexOf('<h1 class="verdict-label">'), html.indexOf('<div class="outcomes">'));
    const rows = [...header.matchAll(/<tr><td><span class="badge gate-([\w-]+)">[^<]*<\/span><\/td><td><a href="#(case-\d+)"><code>(.*?)<\/code><\/a><\/td><td>(.*?)<\/td><\/tr>/g)].map((match) => [match[1], match[2], match[3], match[4]]);
    expect(rows).toEqual([
      ['regression', 'case-3', breakable('BatchSize/wrong-type/string'), 'it is regression'],
      ['regression', 'case-4', breakable('Enabled/dynamodb/true'), 'it is regression'],
      ['unexpected-pass', 'case-5', breakable('BatchSize/sqs/10'), 'it is unexpected-pass'],
    ]);
    expect(header).toContain('<li class="gate-stale">stale: <code>known.yaml:7</code> <code>Gone/*</code> matches no case</li>');
  });

  it('keeps the first screen short with many regressions: eight listed, the rest one click away', () => {
    const cases = Array.from({ length: 11 }, (_, position) => caseResult({ id: `c${position}`, outcome: 'fail', gate: { status: 'regression', entry: null, note: 'not in the expectations file' } }));
    const html = renderHtml(runReport(cases, { gate: { file: 'k.yaml', expected: 0, unexpectedPass: 0, regression: 11, stale: [] } }));
    const [shown, more] = html.split('<details class="gate-more"><summary>and 3 more</summary>');
    expect(shown?.match(/<tr><td><span class="badge gate-regression">/g)).toHaveLength(8);
    expect(more?.slice(0, more.indexOf('</details>')).match(/<tr><td><span class="badge gate-regression">/g)).toHaveLength(3);
    expect(renderHtml(runReport([caseResult({ id: 'a', gate: { status: 'conforms', entry: null, note: null } })], { gate: { file: 'k.yaml', expected: 0, unexpectedPass: 0, regression: 0, stale: [] } }))).toContain(
      '<p class="gate-none">No regression and no unexpected pass: every case is as the file lists it.</p>',
    );
  });

  it('draws the outcomes and the gate as stacked bars, each part as long as its count, labelled for a reader without sight or JS', () => {
    const html = renderHtml(personReport());
    expect(html).toContain(
      '<svg class="stacked-bar" viewBox="0 0 8 1" preserveAspectRatio="none" role="img" aria-label="the 8 cases: 3 pass, 5 fail, 0 error, 0 skip"><rect class="outcome-pass" x="0" width="3" height="1"><title>3 pass</title></rect><rect class="outcome-fail" x="3" width="5" height="1"><title>5 fail</title></rect></svg>',
    );
    expect(html).toContain('aria-label="the gate: 2 regressions, 1 unexpected pass, 3 expected deviations, 2 conform"><rect class="gate-regression" x="0" width="2" height="1">');
  });

  it('draws each finding as a bar of its cases, names the level it keeps back, and puts together the findings that share all their cases', () => {
    const html = renderHtml(judgedReport([createdAsHtml('a'), createdAsHtml('b'), refusedAs201, caseResult({ id: 'p' })]));
    const bars = [...html.matchAll(/<svg class="count-bar" [^>]*aria-label="([^"]*)"><rect width="([\d.]+)"/g)].map((match) => [match[1], Number(match[2])]);
    expect(bars).toEqual([
      ['2 cases', 100],
      ['2 cases', 100],
      ['1 case', 50],
    ]);
    const group = /<li class="shared-cases">(.*?)<\/ul><\/li>/s.exec(html)?.[1] ?? '';
    expect(group).toContain('<p class="shared-note">These 2 causes share the same 2 cases: fix both, and those cases pass.</p>');
    expect([...group.matchAll(/<li class="finding" id="finding-([^"]+)">/g)].map((match) => match[1])).toEqual(['status-201-for-202', 'content-type-201-for-202']);
    expect([...group.matchAll(/<span class="finding-level">([^<]*)<\/span>/g)].map((match) => match[1])).toEqual(['keeps back Level 1', 'keeps back Level 3']);
    expect(html).not.toContain('fix it once, and its cases pass');
  });

  it('shows a level ladder: each level reached or kept back, by how many cases, and by which findings of its own', () => {
    const html = renderHtml(judgedReport([createdAsHtml('a'), refusedAs201, caseResult({ id: 'p' })]));
    const rungs = [...html.matchAll(/<li class="rung (\w+)"><p class="rung-head"><strong>Level (\d)<\/strong>[^<]*<\/p><span class="rung-state">([^<]*)<\/span>(?:<p class="rung-findings">(.*?)<\/p>)?/g)].map((match) => [match[2], match[1], match[3], match[4]?.replace(/<[^>]*>/g, '')]);
    expect(rungs).toEqual([
      ['1', 'kept', 'kept back by 2 cases', 'its 2 findings: status-201-for-202 (1), status-201-for-400-invalid-parameter-value (1)'],
      ['2', 'kept', 'kept back by 2 cases', 'no finding of its own: the levels below keep it back'],
      ['3', 'kept', 'kept back by 2 cases', 'its finding: content-type-201-for-202 (1)'],
    ]);
    expect(renderHtml(judgedReport([caseResult({ id: 'p' })]))).toContain('<li class="rung reached"><p class="rung-head"><strong>Level 3</strong> also field semantics: echoes, defaults, ARNs, State, headers</p><span class="rung-state">reached</span></li>');
  });

  it('lets ids and check names wrap only between their parts, never mid-word', () => {
    const html = renderHtml(personReport());
    expect(html).toContain(`<code class="case-id">BatchSize/<wbr>wrong-type/<wbr>string</code>`);
    expect(breakable('status_code_conformance')).toBe('status_<wbr>code_<wbr>conformance');
    expect(breakable('StartingPosition.AT_TIMESTAMP')).toBe('StartingPosition.<wbr>AT_<wbr>TIMESTAMP');
    expect(breakable('<a/b>')).toBe('&lt;a/<wbr>b&gt;');
    // What breaks anywhere, mid-word, is left to bodies, URLs and the curl line.
    expect(html).not.toMatch(/\.(?:case-id|reasons td|finding-facts dd)[^{]*\{[^}]*overflow-wrap: anywhere/);
  });
});
