import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/results.ts';
import { renderResultsJson } from './support/render.ts';
import { caseResult, runReport, sampleReport } from './support/build-report.ts';

const readBack = (text: string): RunReport => JSON.parse(text) as RunReport;

describe('renderResultsJson', () => {
  it('parses back to the same record, credential headers masked', () => {
    const report = sampleReport();
    const read = readBack(renderResultsJson(report));
    const failing = read.cases.find((result) => result.id === 'BatchSize/kinesis/0');
    expect(failing?.request?.headers).toEqual({ Authorization: '[REDACTED]', 'X-Amz-Security-Token': '[REDACTED]', 'content-type': 'application/json' });
    expect(failing?.response?.headers['set-cookie']).toBe('[REDACTED]');
    // Everything else is exactly what went in.
    const unmask = (cases: typeof read.cases) => cases.map((result) => ({ ...result, request: result.request && { ...result.request, headers: {} }, response: result.response && { ...result.response, headers: {} } }));
    expect(unmask(read.cases)).toEqual(unmask(report.cases));
    expect({ ...read, cases: [] }).toEqual({ ...report, cases: [] });
    // Each case carries the documentation sentence its clause stands for.
    expect(Object.keys(failing ?? {}).slice(0, 3)).toEqual(['id', 'clause', 'doc']);
    expect(failing?.doc).toBe(report.cases.find((result) => result.id === 'BatchSize/kinesis/0')?.doc);
  });

  it('keeps hostile and unicode text byte for byte', () => {
    const report = sampleReport();
    const read = readBack(renderResultsJson(report));
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
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['tool', 'target', 'label', 'edition', 'startedAt', 'durationMs', 'complete', 'interruption', 'scope', 'summary', 'requests', 'gate', 'certification', 'findings', 'cases']);
    expect(text.indexOf('"a": "1"')).toBeLessThan(text.indexOf('"b": "2"'));
  });

  it('records the label, and a shard\'s slice only in a sharded run, in a fixed order', () => {
    const scope = { grep: null, repeat: 1, seed: 7, editionCases: 3, partial: true, shard: { selectionPartial: false, selectedCases: 3, count: 3, index: 2 } };
    const sharded = JSON.parse(renderResultsJson(runReport([caseResult({ id: 'a' })], { label: 'moto 5.2.1', scope }))) as { label: string; scope: object };
    expect(sharded.label).toBe('moto 5.2.1');
    expect(JSON.stringify(sharded.scope)).toBe('{"grep":null,"repeat":1,"seed":7,"editionCases":3,"partial":true,"shard":{"index":2,"count":3,"selectedCases":3,"selectionPartial":false}}');
    expect(Object.keys((JSON.parse(renderResultsJson(runReport([caseResult({ id: 'a' })]))) as { scope: object }).scope)).not.toContain('shard');
  });

  it('keeps a response body in the key order the target sent', () => {
    const text = renderResultsJson(runReport([caseResult({ id: 'a', response: { status: 200, headers: {}, body: { z: 1, a: 2 } } })]));
    expect(text.indexOf('"z": 1')).toBeLessThan(text.indexOf('"a": 2'));
  });

  it('drops fields that are not part of the record, such as an Expectation\'s checks', () => {
    const withChecks = caseResult({ id: 'a', expected: { status: 202, errorTypes: [], alsoAccepted: [], why: 'w', checks: [{ kind: 'state_conformance' }] } as never });
    const text = renderResultsJson(runReport([withChecks]));
    expect(text).not.toContain('checks');
    expect(readBack(text).cases[0]?.expected).toEqual({ status: 202, errorTypes: [], alsoAccepted: [], why: 'w' });
  });
});
