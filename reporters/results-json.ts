// results.json: the machine-readable run record. Written with a fixed key order (the order of the
// types in src/results.ts, header names sorted) so that two runs diff line by line.
import type { CaseGate, CaseResult, Certification, Counterexample, Finding, GateSummary, Reason, RecordedRequest, RecordedResponse, RunReport, RunScope } from '../src/results.ts';
import { escapeActingCharactersInJson } from '../src/control-characters.ts';
import type { RequestCounts } from '../src/transport/request-pacer.ts';
import { redactCase } from './redact-case.ts';

function sortedHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function orderedRequest(request: RecordedRequest | null): RecordedRequest | null {
  if (request === null) return null;
  return { method: request.method, url: request.url, headers: sortedHeaders(request.headers), body: request.body };
}

function orderedResponse(response: RecordedResponse | null): RecordedResponse | null {
  if (response === null) return null;
  // The body keeps the target's own key order: it is what was observed.
  const body = response.body === undefined ? null : response.body;
  const truncated = response.bodyTruncated;
  if (truncated === undefined) return { status: response.status, headers: sortedHeaders(response.headers), body };
  return {
    status: response.status,
    headers: sortedHeaders(response.headers),
    body,
    bodyTruncated: { keptBytes: truncated.keptBytes, receivedBytes: truncated.receivedBytes, complete: truncated.complete },
  };
}

function orderedReason(reason: Reason): Reason {
  return { check: reason.check, clause: reason.clause, message: reason.message };
}

function orderedCaseGate(gate: CaseGate | null): CaseGate | null {
  if (gate === null) return null;
  const { entry } = gate;
  return { status: gate.status, entry: entry === null ? null : { pattern: entry.pattern, reason: entry.reason, link: entry.link }, note: gate.note };
}

function orderedCounterexample(found: Counterexample): Counterexample {
  return {
    field: found.field,
    value: found.value,
    request: orderedRequest(found.request),
    response: orderedResponse(found.response),
    runsUntilFailure: found.runsUntilFailure,
    shrinkSteps: found.shrinkSteps,
    shrinkRequests: found.shrinkRequests,
    shrinkLimit: found.shrinkLimit,
    seed: found.seed,
    propertySeed: found.propertySeed,
    path: found.path,
  };
}

function orderedRequestCounts(counts: RequestCounts | null): RequestCounts | null {
  if (counts === null) return null;
  const { apiCalls, requests, throttled, retries, limiterWaitMs, backoffMs, capRps } = counts;
  return { apiCalls, requests, throttled, retries, limiterWaitMs, backoffMs, capRps };
}

function orderedGate(gate: GateSummary | null): GateSummary | null {
  if (gate === null) return null;
  return {
    file: gate.file,
    expected: gate.expected,
    unexpectedPass: gate.unexpectedPass,
    regression: gate.regression,
    stale: gate.stale.map((entry) => ({ pattern: entry.pattern, line: entry.line })),
  };
}

function orderedCase(result: CaseResult): CaseResult {
  const redacted = redactCase(result);
  const { expected } = redacted;
  return {
    id: redacted.id,
    clause: redacted.clause,
    doc: redacted.doc,
    title: redacted.title,
    sourceType: redacted.sourceType,
    outcome: redacted.outcome,
    finding: redacted.finding,
    // Only the fields of the record: a suite may hand over the whole Expectation (with its checks).
    expected: {
      status: expected.status,
      errorTypes: [...expected.errorTypes],
      alsoAccepted: expected.alsoAccepted.map((outcome) => ({ status: outcome.status, errorTypes: [...outcome.errorTypes] })),
      why: expected.why,
    },
    request: orderedRequest(redacted.request),
    response: orderedResponse(redacted.response),
    reasons: redacted.reasons.map(orderedReason),
    durationMs: redacted.durationMs,
    attempts: redacted.attempts,
    gate: orderedCaseGate(redacted.gate),
    ...(redacted.counterexample !== undefined && { counterexample: orderedCounterexample(redacted.counterexample) }),
  };
}

function orderedScope(scope: RunScope): RunScope {
  const { grep, repeat, seed, editionCases, partial, shard } = scope;
  if (shard === undefined) return { grep, repeat, seed, editionCases, partial };
  return { grep, repeat, seed, editionCases, partial, shard: { index: shard.index, count: shard.count, selectedCases: shard.selectedCases, selectionPartial: shard.selectionPartial } };
}

function orderedCertification(certification: Certification): Certification {
  return {
    level: certification.level,
    uncertified: certification.uncertified,
    keptBack: certification.keptBack.map((entry) => ({ level: entry.level, caseIds: [...entry.caseIds] })),
  };
}

function orderedFinding(finding: Finding): Finding {
  return {
    id: finding.id,
    headline: finding.headline,
    check: finding.check,
    expected: finding.expected,
    observed: { status: finding.observed.status, errorType: finding.observed.errorType },
    clauses: [...finding.clauses],
    caseIds: [...finding.caseIds],
    reproduce: finding.reproduce,
    curl: finding.curl,
  };
}

/** A JSON array nested one level deep in the record, one piece per item; `[]` when empty, as JSON.stringify writes it. */
function* arrayChunks<T>(items: readonly T[], ordered: (item: T) => unknown): Generator<string> {
  if (items.length === 0) {
    yield '[]';
    return;
  }
  yield '[';
  for (const [index, item] of items.entries()) {
    // Each line of an item is indented by four more spaces.
    const text = JSON.stringify(ordered(item), null, 2).replace(/\n/g, '\n    ');
    yield escapeActingCharactersInJson(`${index === 0 ? '' : ','}\n    ${text}`);
  }
  yield '\n  ]';
}

/**
 * results.json in pieces, one per finding and case, so that a large report is never one string; joined, the
 * same text as `JSON.stringify(record, null, 2)`. Characters that act on a terminal are written as
 * JSON escapes, which parse back the same.
 */
export function* resultsJsonChunks(report: RunReport): Generator<string> {
  const ordered: Omit<RunReport, 'findings' | 'cases'> & { findings: null } = {
    tool: { name: report.tool.name, version: report.tool.version },
    target: report.target,
    label: report.label,
    edition: report.edition,
    startedAt: report.startedAt,
    durationMs: report.durationMs,
    complete: report.complete,
    interruption: report.interruption,
    scope: orderedScope(report.scope),
    summary: { total: report.summary.total, pass: report.summary.pass, fail: report.summary.fail, error: report.summary.error, skip: report.summary.skip },
    requests: orderedRequestCounts(report.requests),
    gate: orderedGate(report.gate),
    certification: orderedCertification(report.certification),
    findings: null,
  };
  const head = JSON.stringify(ordered, null, 2);
  yield escapeActingCharactersInJson(head.slice(0, head.length - 'null\n}'.length));
  yield* arrayChunks(report.findings, orderedFinding);
  yield ',\n  "cases": ';
  yield* arrayChunks(report.cases, orderedCase);
  yield '\n}\n';
}
