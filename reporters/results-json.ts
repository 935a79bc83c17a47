// results.json: the run record that later tools (`diff`, the expectations gate) read back. Written
// with a fixed key order (the order of the types in src/results.ts, header names sorted) so that
// two runs diff line by line, and read back with a check that names the first thing wrong.
import type { CaseResult, Reason, RecordedRequest, RecordedResponse, RunReport } from '../src/results.ts';
import { escapeActingCharactersInJson } from './control-characters.ts';
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

function orderedCase(result: CaseResult): CaseResult {
  const redacted = redactCase(result);
  const { expected } = redacted;
  return {
    id: redacted.id,
    clause: redacted.clause,
    title: redacted.title,
    sourceType: redacted.sourceType,
    outcome: redacted.outcome,
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
  };
}

/** The report as results.json: pretty-printed, stable key order, trailing newline. */
export function renderResultsJson(report: RunReport): string {
  return [...resultsJsonChunks(report)].join('');
}

/**
 * results.json in pieces, one per case, so that a large report is never one string; joined, the
 * same text as `JSON.stringify(record, null, 2)`. Characters that act on a terminal are written as
 * JSON escapes, which parse back the same.
 */
export function* resultsJsonChunks(report: RunReport): Generator<string> {
  const ordered: Omit<RunReport, 'cases'> & { cases: null } = {
    tool: { name: report.tool.name, version: report.tool.version },
    target: report.target,
    edition: report.edition,
    startedAt: report.startedAt,
    durationMs: report.durationMs,
    complete: report.complete,
    interruption: report.interruption,
    summary: { total: report.summary.total, pass: report.summary.pass, fail: report.summary.fail, error: report.summary.error, skip: report.summary.skip },
    cases: null,
  };
  const head = JSON.stringify(ordered, null, 2);
  const opening = head.slice(0, head.length - 'null\n}'.length);
  if (report.cases.length === 0) {
    yield escapeActingCharactersInJson(`${opening}[]\n}\n`);
    return;
  }
  yield escapeActingCharactersInJson(`${opening}[`);
  for (const [index, result] of report.cases.entries()) {
    // Nested two levels deep in the record, each line of a case is indented by four more spaces.
    const text = JSON.stringify(orderedCase(result), null, 2).replace(/\n/g, '\n    ');
    yield escapeActingCharactersInJson(`${index === 0 ? '' : ','}\n    ${text}`);
  }
  yield '\n  ]\n}\n';
}

/** Thrown by readResultsJson: says which file, where in it, and what is wrong. */
export class ResultsFileError extends Error {
  constructor(
    readonly source: string,
    readonly where: string,
    readonly problem: string,
  ) {
    super(`${source} is not a results file: ${where}: ${problem}`);
    this.name = 'ResultsFileError';
  }
}

// A hand-written walk rather than a schema: the error must name the path in terms a reader of
// results.json recognises (`cases[3].outcome`), and the shape is small.
class Reader {
  constructor(private readonly source: string) {}

  fail(where: string, problem: string): never {
    throw new ResultsFileError(this.source, where, problem);
  }

  describe(value: unknown): string {
    if (value === null) return 'null';
    if (Array.isArray(value)) return 'an array';
    if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
    if (typeof value === 'object') return 'an object';
    return `${typeof value === 'number' ? 'the number' : typeof value === 'boolean' ? 'the boolean' : typeof value} ${String(value)}`;
  }

  object(value: unknown, where: string): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(where, `expected an object, found ${this.describe(value)}`);
    return value as Record<string, unknown>;
  }

  field(object: Record<string, unknown>, name: string, where: string): unknown {
    if (!Object.hasOwn(object, name)) this.fail(where, `missing field "${name}"`);
    return object[name];
  }

  string(value: unknown, where: string): string {
    if (typeof value !== 'string') this.fail(where, `expected a string, found ${this.describe(value)}`);
    return value;
  }

  nullableString(value: unknown, where: string): string | null {
    return value === null ? null : this.string(value, where);
  }

  count(value: unknown, where: string): number {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) this.fail(where, `expected a whole number ≥ 0, found ${this.describe(value)}`);
    return value;
  }

  number(value: unknown, where: string): number {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) this.fail(where, `expected a number ≥ 0, found ${this.describe(value)}`);
    return value;
  }

  boolean(value: unknown, where: string): boolean {
    if (typeof value !== 'boolean') this.fail(where, `expected true or false, found ${this.describe(value)}`);
    return value;
  }

  array(value: unknown, where: string): unknown[] {
    if (!Array.isArray(value)) this.fail(where, `expected an array, found ${this.describe(value)}`);
    return value;
  }

  oneOf<T extends string>(value: unknown, choices: readonly T[], where: string): T {
    if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
      this.fail(where, `expected one of ${choices.join(', ')}, found ${this.describe(value)}`);
    }
    return value as T;
  }

  headers(value: unknown, where: string): Record<string, string> {
    const object = this.object(value, where);
    for (const [name, headerValue] of Object.entries(object)) this.string(headerValue, `${where}[${JSON.stringify(name)}]`);
    return object as Record<string, string>;
  }

  outcome(value: unknown, where: string): { status: number; errorTypes: string[] } {
    const object = this.object(value, where);
    return {
      status: this.count(this.field(object, 'status', where), `${where}.status`),
      errorTypes: this.array(this.field(object, 'errorTypes', where), `${where}.errorTypes`).map((type, index) => this.string(type, `${where}.errorTypes[${index}]`)),
    };
  }

  request(value: unknown, where: string): RecordedRequest | null {
    if (value === null) return null;
    const object = this.object(value, where);
    return {
      method: this.string(this.field(object, 'method', where), `${where}.method`),
      url: this.string(this.field(object, 'url', where), `${where}.url`),
      headers: this.headers(this.field(object, 'headers', where), `${where}.headers`),
      body: this.nullableString(this.field(object, 'body', where), `${where}.body`),
    };
  }

  response(value: unknown, where: string): RecordedResponse | null {
    if (value === null) return null;
    const object = this.object(value, where);
    return {
      status: this.count(this.field(object, 'status', where), `${where}.status`),
      headers: this.headers(this.field(object, 'headers', where), `${where}.headers`),
      body: this.field(object, 'body', where),
    };
  }

  reason(value: unknown, where: string): Reason {
    const object = this.object(value, where);
    return {
      check: this.string(this.field(object, 'check', where), `${where}.check`),
      clause: this.string(this.field(object, 'clause', where), `${where}.clause`),
      message: this.string(this.field(object, 'message', where), `${where}.message`),
    };
  }

  caseResult(value: unknown, where: string): CaseResult {
    const object = this.object(value, where);
    const at = (name: string): unknown => this.field(object, name, where);
    const expected = this.object(at('expected'), `${where}.expected`);
    const sourceType = at('sourceType');
    return {
      id: this.string(at('id'), `${where}.id`),
      clause: this.string(at('clause'), `${where}.clause`),
      title: this.string(at('title'), `${where}.title`),
      sourceType: sourceType === null ? null : this.oneOf(sourceType, ['kinesis', 'dynamodb', 'sqs'] as const, `${where}.sourceType`),
      outcome: this.oneOf(at('outcome'), ['pass', 'fail', 'error', 'skip'] as const, `${where}.outcome`),
      expected: {
        ...this.outcome(expected, `${where}.expected`),
        alsoAccepted: this.array(this.field(expected, 'alsoAccepted', `${where}.expected`), `${where}.expected.alsoAccepted`).map((outcome, index) =>
          this.outcome(outcome, `${where}.expected.alsoAccepted[${index}]`),
        ),
        why: this.string(this.field(expected, 'why', `${where}.expected`), `${where}.expected.why`),
      },
      request: this.request(at('request'), `${where}.request`),
      response: this.response(at('response'), `${where}.response`),
      reasons: this.array(at('reasons'), `${where}.reasons`).map((reason, index) => this.reason(reason, `${where}.reasons[${index}]`)),
      durationMs: this.number(at('durationMs'), `${where}.durationMs`),
      attempts: this.count(at('attempts'), `${where}.attempts`),
    };
  }

  report(value: unknown): RunReport {
    const where = 'the top level';
    const object = this.object(value, where);
    const at = (name: string): unknown => this.field(object, name, where);
    const tool = this.object(at('tool'), 'tool');
    const summary = this.object(at('summary'), 'summary');
    const count = (name: string): number => this.count(this.field(summary, name, 'summary'), `summary.${name}`);
    const report: RunReport = {
      tool: { name: this.string(this.field(tool, 'name', 'tool'), 'tool.name'), version: this.string(this.field(tool, 'version', 'tool'), 'tool.version') },
      target: this.string(at('target'), 'target'),
      edition: this.string(at('edition'), 'edition'),
      startedAt: this.string(at('startedAt'), 'startedAt'),
      durationMs: this.number(at('durationMs'), 'durationMs'),
      complete: this.boolean(at('complete'), 'complete'),
      interruption: this.nullableString(at('interruption'), 'interruption'),
      summary: { total: count('total'), pass: count('pass'), fail: count('fail'), error: count('error'), skip: count('skip') },
      cases: this.array(at('cases'), 'cases').map((result, index) => this.caseResult(result, `cases[${index}]`)),
    };
    if (Number.isNaN(Date.parse(report.startedAt))) this.fail('startedAt', `expected an ISO 8601 date, found ${this.describe(report.startedAt)}`);
    this.consistent(report);
    return report;
  }

  // A summary that disagrees with its cases means the file was edited or truncated by hand;
  // the gate must not trust either half.
  consistent(report: RunReport): void {
    const { summary, cases } = report;
    if (summary.total !== cases.length) this.fail('summary.total', `says ${summary.total} but the file has ${cases.length} cases`);
    for (const outcome of ['pass', 'fail', 'error', 'skip'] as const) {
      const actual = cases.filter((result) => result.outcome === outcome).length;
      if (summary[outcome] !== actual) this.fail(`summary.${outcome}`, `says ${summary[outcome]} but ${actual} cases have outcome "${outcome}"`);
    }
    const seen = new Set<string>();
    cases.forEach((result, index) => {
      if (seen.has(result.id)) this.fail(`cases[${index}].id`, `case id ${JSON.stringify(result.id)} appears twice`);
      seen.add(result.id);
    });
    if (report.complete && report.interruption !== null) this.fail('interruption', 'a complete run has no interruption (expected null)');
  }
}

/**
 * Parses and checks a results.json. `source` names the file in error messages.
 * @throws ResultsFileError when the text is not JSON or not a run record.
 */
export function readResultsJson(text: string, source = 'results.json'): RunReport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ResultsFileError(source, 'the whole file', `not valid JSON (${detail})`);
  }
  return new Reader(source).report(value);
}
