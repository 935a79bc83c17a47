// One case: a summary line always visible, and, once opened, what was expected and the
// documentation behind it, the finding it belongs to, why it did not conform, and the request and
// the answer side by side.
import type { CaseResult, RecordedRequest, RecordedResponse } from '../../src/results.ts';
import { bodyAsText, truncationNote } from '../body-text.ts';
import { describeExpectation } from '../../src/cases/describe-expectation.ts';
import { escapeHtml as html } from '../html-escape.ts';
import { breakable } from './breakable.ts';
import { casesCount } from '../../src/run-record/case-count.ts';
import { clauseWithDoc } from './clause-doc.ts';
import { gateWords } from './gate-words.ts';
import { columnLabel } from './matrix-section.ts';
import { describeCounterexample } from '../counterexample-text.ts';
import type { PageIndex } from './page-index.ts';

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
  return `<section class="request"><h3>Request</h3>${content}</section>`;
}

function responsePanel(response: RecordedResponse | null, attempts: number): string {
  const heading = attempts > 1 ? `Answer (after ${attempts} attempts)` : 'Answer';
  const content =
    response === null
      ? '<p class="nothing">no answer</p>'
      : `<p class="start-line mono">HTTP ${response.status}</p>${headerList(response.headers)}${bodyBlock(response.body, response.bodyTruncated)}`;
  return `<section class="response"><h3>${heading}</h3>${content}</section>`;
}

// The case's own clause is quoted above the table; another clause a check cites is quoted here.
function reasonsTable(result: CaseResult, index: PageIndex): string {
  if (result.reasons.length === 0) return '';
  const rows = result.reasons.map((reason) => `<tr><td><code>${breakable(reason.check)}</code></td><td>${reason.clause === result.clause ? `<code>${html(reason.clause)}</code>` : clauseWithDoc(reason.clause, index)}</td><td>${html(reason.message)}</td></tr>`);
  return `<table class="reasons"><thead><tr><th scope="col">check</th><th scope="col">clause</th><th scope="col">message</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

// How the --expectations gate read the case, when the run had one; a conforming case needs no badge.
function gateBadge(result: CaseResult): string {
  return result.gate === null || result.gate.status === 'conforms' ? '' : ` <span class="badge gate-${result.gate.status}">${gateWords(result.gate.status)}</span>`;
}

function gateParagraph(result: CaseResult): string {
  const { gate } = result;
  if (gate === null || (gate.entry === null && gate.note === null)) return '';
  const entry = gate.entry === null ? '' : ` Listed as <code>${html(gate.entry.pattern)}</code>: ${html(gate.entry.reason)}${gate.entry.link === null ? '' : ` (${html(gate.entry.link)})`}.`;
  return `<p><strong>Gate</strong> ${html(gateWords(gate.status))}: ${html(gate.note ?? '')}.${entry}</p>`;
}

function expectedParagraph(result: CaseResult): string {
  return `<p><strong>Expected</strong> ${html(describeExpectation(result.expected))}. ${html(result.expected.why)}</p>`;
}

// The sentence of the documentation the case's clause stands for, word for word.
function documentation(result: CaseResult): string {
  if (result.doc === '') return '';
  return `<figure class="doc"><figcaption><code>${html(result.clause)}</code> stands for:</figcaption><blockquote>${html(result.doc)}</blockquote></figure>`;
}

// The findings the case belongs to: the cause to fix, shared with other cases.
function findingParagraph(result: CaseResult, index: PageIndex): string {
  const links = index.findingsOf(result.id).map((id) => {
    const finding = index.finding(id);
    return `<a href="#finding-${html(id)}"><code>${breakable(id)}</code></a>${finding === undefined ? '' : ` (${html(finding.headline)}, ${casesCount(finding.caseIds.length)})`}`;
  });
  return links.length === 0 ? '' : `<p><strong>Finding</strong> ${links.join('; ')}</p>`;
}

function exchange(result: CaseResult): string {
  return `<div class="exchange">${requestPanel(result.request)}${responsePanel(result.response, result.attempts)}</div>`;
}

// A failing property's smallest failing value; the request and answer shown below are its.
function counterexampleParagraph(result: CaseResult): string {
  return result.counterexample === undefined ? '' : `<p class="counterexample"><strong>Counterexample</strong> ${html(describeCounterexample(result.counterexample))}.</p>`;
}

function milliseconds(value: number): string {
  return `${Math.round(value)} ms`;
}

/**
 * The case as a `<details>` element, closed: its summary line says what a person scans for, and
 * opening it shows why. The filter script finds it by id through the case index.
 */
export function caseSection(result: CaseResult, rowId: string, index: PageIndex): string {
  const facts = [`<code>${html(result.clause)}</code>`, html(columnLabel(result.sourceType)), milliseconds(result.durationMs)];
  const parts = [
    expectedParagraph(result),
    counterexampleParagraph(result),
    documentation(result),
    findingParagraph(result, index),
    gateParagraph(result),
    reasonsTable(result, index),
    exchange(result),
  ];
  return `<details class="case" id="${rowId}" data-outcome="${result.outcome}">
<summary><span class="badge outcome-${result.outcome}">${result.outcome}</span>${gateBadge(result)} <code class="case-id">${breakable(result.id)}</code> <span class="case-title" title="${html(result.title)}">${html(result.title)}</span> <span class="case-facts">${facts.join(' · ')}</span></summary>
<div class="case-body">
${parts.filter((part) => part !== '').join('\n')}
</div>
</details>`;
}
