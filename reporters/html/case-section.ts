// One case: a summary line always visible, and (open for failures and errors) what was expected,
// why it did not conform, and the request and the answer side by side.
import type { CaseResult, RecordedRequest, RecordedResponse } from '../../src/results.ts';
import { bodyAsText, truncationNote } from '../body-text.ts';
import { describeExpectation } from '../../src/cases/describe-expectation.ts';
import { escapeHtml as html } from '../html-escape.ts';
import { columnLabel } from './matrix-section.ts';
import { describeCounterexample } from '../counterexample-text.ts';

function headerList(headers: Readonly<Record<string, string>>): string {
  const entries = Object.entries(headers);
  if (entries.length === 0) return '';
  return `<dl class="headers">${entries.map(([name, value]) => `<dt>${html(name)}</dt><dd>${html(value)}</dd>`).join('')}</dl>`;
}

function bodyBlock(body: unknown, truncated?: RecordedResponse['bodyTruncated']): string {
  const text = bodyAsText(body);
  const note = truncated === undefined ? '' : `<p class="nothing">${html(truncationNote(truncated))}</p>`;
  return text === '' ? `<p class="nothing">no body</p>${note}` : `<pre class="body">${html(text)}</pre>${note}`;
}

function requestPanel(request: RecordedRequest | null): string {
  const content =
    request === null
      ? '<p class="nothing">not sent</p>'
      : `<p class="start-line mono">${html(request.method)} ${html(request.url)}</p>${headerList(request.headers)}${bodyBlock(request.body)}`;
  return `<section class="request"><h4>Request</h4>${content}</section>`;
}

function responsePanel(response: RecordedResponse | null, attempts: number): string {
  const heading = attempts > 1 ? `Answer (after ${attempts} attempts)` : 'Answer';
  const content =
    response === null
      ? '<p class="nothing">no answer</p>'
      : `<p class="start-line mono">HTTP ${response.status}</p>${headerList(response.headers)}${bodyBlock(response.body, response.bodyTruncated)}`;
  return `<section class="response"><h4>${heading}</h4>${content}</section>`;
}

function reasonsTable(result: CaseResult): string {
  if (result.reasons.length === 0) return '';
  const rows = result.reasons.map((reason) => `<tr><td><code>${html(reason.check)}</code></td><td><code>${html(reason.clause)}</code></td><td>${html(reason.message)}</td></tr>`);
  return `<table class="reasons"><thead><tr><th scope="col">check</th><th scope="col">clause</th><th scope="col">message</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

// How the --expectations gate read the case, when the run had one.
function gateBadge(result: CaseResult): string {
  return result.gate === null ? '' : ` <span class="badge gate-${result.gate.status}">${result.gate.status}</span>`;
}

function gateParagraph(result: CaseResult): string {
  const { gate } = result;
  if (gate === null || (gate.entry === null && gate.note === null)) return '';
  const entry = gate.entry === null ? '' : ` Listed as <code>${html(gate.entry.pattern)}</code>: ${html(gate.entry.reason)}${gate.entry.link === null ? '' : ` (${html(gate.entry.link)})`}.`;
  return `<p><strong>Gate</strong> ${html(gate.status)}: ${html(gate.note ?? '')}.${entry}</p>\n`;
}

// A failing property's smallest failing value; the request and answer shown below are its.
function counterexampleParagraph(result: CaseResult): string {
  return result.counterexample === undefined ? '' : `<p class="counterexample"><strong>Counterexample</strong> ${html(describeCounterexample(result.counterexample))}.</p>\n`;
}

function milliseconds(value: number): string {
  return `${Math.round(value)} ms`;
}

/** The case as a `<details>` element whose id the filter script finds through the case index. */
export function caseSection(result: CaseResult, rowId: string): string {
  const open = result.outcome === 'fail' || result.outcome === 'error' ? ' open' : '';
  const facts = [`<code>${html(result.clause)}</code>`, html(columnLabel(result.sourceType)), milliseconds(result.durationMs)];
  return `<details class="case" id="${rowId}" data-outcome="${result.outcome}"${open}>
<summary><span class="badge outcome-${result.outcome}">${result.outcome}</span>${gateBadge(result)} <code class="case-id">${html(result.id)}</code> <span class="case-title">${html(result.title)}</span> <span class="case-facts">${facts.join(' · ')}</span></summary>
<div class="case-body">
<p><strong>Expected</strong> ${html(describeExpectation(result.expected))}. ${html(result.expected.why)}</p>
${counterexampleParagraph(result)}${gateParagraph(result)}${reasonsTable(result)}
<div class="exchange">${requestPanel(result.request)}${responsePanel(result.response, result.attempts)}</div>
</div>
</details>`;
}
