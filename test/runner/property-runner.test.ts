// runProperty against a scripted target (a SendCase that judges each value by a rule of the test's
// own): shrinking sends at most --max-shrink-requests values once a failure is found, and the
// counterexample says whether it stopped there.
import { describe, expect, it } from 'vitest';
import { editionCases } from '../../src/cases/edition-cases.ts';
import { isPropertyCase, type DrawnValue, type PropertyCase } from '../../src/cases/properties/sampling.ts';
import type { Case } from '../../src/cases/case.ts';
import { caseIdentity, type CaseResult } from '../../src/results.ts';
import { runProperty } from '../../src/runner/property-runner.ts';
import { loadEdition } from '../../src/spec/load.ts';
import { isJsonObject } from '../../src/json-object.ts';

const spec = loadEdition('seed');
/** A queue that takes batches up to 100, where the seed edition allows 10. */
const takesUpTo100 = (value: DrawnValue): boolean => Number(value) > 10 && Number(value) <= 100;
const propertyCases = editionCases(spec, { runs: 20, seed: 7 }).filter(isPropertyCase);

function propertyCase(id: string): PropertyCase {
  const found = propertyCases.find((testCase) => testCase.id === id);
  if (found === undefined) throw new Error(`no property case ${id}`);
  return found;
}

/** A target that gets the property's field wrong for the values `breaks` picks, and records every value it was sent. */
function target(field: string, breaks: (value: DrawnValue) => boolean): { sent: DrawnValue[]; send: (sample: Case) => Promise<CaseResult> } {
  const sent: DrawnValue[] = [];
  const send = async (sample: Case): Promise<CaseResult> => {
    const body = sample.request.body;
    const value = isJsonObject(body) ? body[field] : undefined;
    if (typeof value !== 'number' && typeof value !== 'string') throw new Error(`${sample.id} sends no ${field}`);
    sent.push(value);
    const failed = breaks(value);
    return {
      ...caseIdentity(sample),
      outcome: failed ? 'fail' : 'pass',
      finding: null,
      request: null,
      response: null,
      reasons: failed ? [{ check: 'status_code_conformance', clause: sample.clause, message: 'expected 400, got 202' }] : [],
      durationMs: 0,
      attempts: 1,
      gate: null,
    };
  };
  return { sent, send };
}

describe('runProperty shrinking within --max-shrink-requests', () => {
  it('shrinks an integer counterexample to the boundary within the default bound, and says it was not cut short', async () => {
    const testCase = propertyCase('BatchSize/sqs/property/invalid');
    const { sent, send } = target('BatchSize', takesUpTo100);
    const result = await runProperty(spec, testCase, send, 50);
    const firstFailure = sent.findIndex(takesUpTo100);
    expect(firstFailure).toBeGreaterThanOrEqual(0);
    expect(result.counterexample).toMatchObject({ value: 11, shrinkRequests: sent.length - firstFailure - 1, shrinkLimit: null });
    expect(result.counterexample?.shrinkRequests).toBeLessThanOrEqual(50);
    expect(result.reasons[0]?.message).not.toContain('--max-shrink-requests');
  });

  it('stops a long shrink after exactly N values, reports the smallest failure so far and says where it stopped', async () => {
    const testCase = propertyCase('FunctionName/property/invalid');
    // Names of 65 to 100 characters taken as valid: each character of such a name shrinks on its own, a long way.
    const takesLongNames = (value: DrawnValue): boolean => String(value).length > 64;
    const { sent, send } = target('FunctionName', takesLongNames);
    const result = await runProperty(spec, testCase, send, 5);
    const firstFailure = sent.findIndex(takesLongNames);
    expect(firstFailure).toBeGreaterThanOrEqual(0);
    expect(sent.slice(firstFailure + 1)).toHaveLength(5);
    const smallest = sent.filter(takesLongNames).at(-1);
    expect(result.counterexample).toMatchObject({ value: smallest, shrinkRequests: 5, shrinkLimit: 5 });
    // Unbounded, the same shrink goes on past 5: the bound is what stopped it.
    const unbounded = target('FunctionName', takesLongNames);
    await runProperty(spec, testCase, unbounded.send, 100_000);
    expect(unbounded.sent.length - firstFailure - 1).toBeGreaterThan(5);
    expect(result.reasons[0]?.message).toMatch(/\(shrunk from the value drawn in run \d+ in \d+ steps, stopped at --max-shrink-requests 5; --seed 7 draws it again\): expected 400, got 202$/);
  });

  it('with 0, reports the first failing value drawn and sends nothing to shrink it', async () => {
    const testCase = propertyCase('BatchSize/sqs/property/invalid');
    const { sent, send } = target('BatchSize', takesUpTo100);
    const result = await runProperty(spec, testCase, send, 0);
    const firstFailing = sent.find(takesUpTo100);
    expect(sent.at(-1)).toBe(firstFailing);
    expect(result.counterexample).toMatchObject({ value: firstFailing, shrinkRequests: 0, shrinkLimit: 0, shrinkSteps: 0 });
  });
});
