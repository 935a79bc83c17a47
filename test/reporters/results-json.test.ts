import { describe, expect, it } from 'vitest';
import { readResultsJson, renderResultsJson, ResultsFileError } from '../../reporters/results-json.ts';
import { caseResult, runReport, sampleReport } from './support/build-report.ts';

describe('renderResultsJson', () => {
  it('round-trips through readResultsJson to the same record, credential headers masked', () => {
    const report = sampleReport();
    const read = readResultsJson(renderResultsJson(report));
    const failing = read.cases.find((result) => result.id === 'BatchSize/kinesis/0');
    expect(failing?.request?.headers).toEqual({ Authorization: '[REDACTED]', 'X-Amz-Security-Token': '[REDACTED]', 'content-type': 'application/json' });
    expect(failing?.response?.headers['set-cookie']).toBe('[REDACTED]');
    // Everything else is exactly what went in.
    const unmask = (cases: typeof read.cases) => cases.map((result) => ({ ...result, request: result.request && { ...result.request, headers: {} }, response: result.response && { ...result.response, headers: {} } }));
    expect(unmask(read.cases)).toEqual(unmask(report.cases));
    expect({ ...read, cases: [] }).toEqual({ ...report, cases: [] });
  });

  it('keeps hostile and unicode text byte for byte', () => {
    const report = sampleReport();
    const read = readResultsJson(renderResultsJson(report));
    const hostile = read.cases.find((result) => result.id === 'Hostile/dynamodb/1');
    const original = report.cases.find((result) => result.id === 'Hostile/dynamodb/1');
    expect(hostile?.title).toBe(original?.title);
    expect(hostile?.response?.body).toBe(original?.response?.body);
    expect(hostile?.request?.body).toBe(original?.request?.body);
  });

  it('is pretty-printed with a trailing newline and the same key order however the objects were built', () => {
    const report = runReport([caseResult({ id: 'a', response: { status: 200, headers: { b: '2', a: '1' }, body: 'raw' } })]);
    const reversed = JSON.parse(JSON.stringify(report), (_key, value: unknown) =>
      typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).reverse()) : value,
    ) as typeof report;
    expect(Object.keys(reversed)[0]).toBe('cases');
    const text = renderResultsJson(report);
    expect(renderResultsJson(reversed)).toBe(text);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "tool": {\n    "name": "lambda-esm-conformance"');
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['tool', 'target', 'edition', 'startedAt', 'durationMs', 'complete', 'interruption', 'summary', 'cases']);
    expect(text.indexOf('"a": "1"')).toBeLessThan(text.indexOf('"b": "2"'));
  });

  it('keeps a response body in the key order the target sent', () => {
    const text = renderResultsJson(runReport([caseResult({ id: 'a', response: { status: 200, headers: {}, body: { z: 1, a: 2 } } })]));
    expect(text.indexOf('"z": 1')).toBeLessThan(text.indexOf('"a": 2'));
  });

  it('drops fields that are not part of the record, such as an Expectation\'s checks', () => {
    const withChecks = caseResult({ id: 'a', expected: { status: 202, errorTypes: [], alsoAccepted: [], why: 'w', checks: [{ kind: 'state_conformance' }] } as never });
    const text = renderResultsJson(runReport([withChecks]));
    expect(text).not.toContain('checks');
    expect(readResultsJson(text).cases[0]?.expected).toEqual({ status: 202, errorTypes: [], alsoAccepted: [], why: 'w' });
  });
});

describe('readResultsJson', () => {
  const valid = (): Record<string, unknown> => JSON.parse(renderResultsJson(sampleReport())) as Record<string, unknown>;
  const message = (text: string): string => {
    try {
      readResultsJson(text, 'reports/results.json');
    } catch (error) {
      expect(error).toBeInstanceOf(ResultsFileError);
      return (error as Error).message;
    }
    throw new Error('readResultsJson accepted it');
  };

  it('rejects text that is not JSON, naming the file', () => {
    expect(message('<testsuites/>')).toMatch(/^reports\/results\.json is not a results file: the whole file: not valid JSON/);
  });

  it('rejects JSON of another shape, naming the first thing wrong', () => {
    expect(message('[]')).toBe('reports/results.json is not a results file: the top level: expected an object, found an array');
    expect(message('{"name":"some-package","version":"1.0.0"}')).toBe('reports/results.json is not a results file: the top level: missing field "tool"');
  });

  it('points at the offending case field by path', () => {
    const report = valid();
    (report.cases as Record<string, unknown>[])[2]!.outcome = 'maybe';
    expect(message(JSON.stringify(report))).toBe(
      'reports/results.json is not a results file: cases[2].outcome: expected one of pass, fail, error, skip, found the string "maybe"',
    );
    const other = valid();
    ((other.cases as Record<string, unknown>[])[1]!.reasons as Record<string, unknown>[])[0]!.message = 42;
    expect(message(JSON.stringify(other))).toContain('cases[1].reasons[0].message: expected a string, found the number 42');
    const header = valid();
    ((header.cases as Record<string, Record<string, unknown>>[])[0]!.request!.headers as Record<string, unknown>)['x-n'] = 1;
    expect(message(JSON.stringify(header))).toContain('cases[0].request.headers["x-n"]: expected a string');
  });

  it('rejects a summary that disagrees with the cases, and duplicate ids', () => {
    const report = valid();
    (report.summary as Record<string, number>).fail = 99;
    expect(message(JSON.stringify(report))).toContain('summary.fail: says 99 but 2 cases have outcome "fail"');
    const truncated = valid();
    (truncated.cases as unknown[]).pop();
    expect(message(JSON.stringify(truncated))).toContain('summary.total: says 6 but the file has 5 cases');
    const duplicated = valid();
    const cases = duplicated.cases as Record<string, unknown>[];
    cases[1]!.id = cases[0]!.id;
    cases[1]!.outcome = 'pass';
    (duplicated.summary as Record<string, number>).pass = 3;
    (duplicated.summary as Record<string, number>).fail = 1;
    expect(message(JSON.stringify(duplicated))).toContain('cases[1].id: case id "BatchSize/sqs/0" appears twice');
  });

  it('rejects a date that is not a date', () => {
    const report = valid();
    report.startedAt = 'yesterday';
    expect(message(JSON.stringify(report))).toContain('startedAt: expected an ISO 8601 date');
  });
});
