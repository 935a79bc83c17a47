import { describe, expect, it } from 'vitest';
import { generateCases } from '../../src/cases/generate.ts';
import { spreadOverSources } from '../../src/runner/spread-over-sources.ts';
import { loadEdition } from '../../src/spec/load.ts';

const cases = generateCases(loadEdition('seed'));
const sourceOf = (fixtures: readonly string[]): string => fixtures.find((fixture) => fixture !== 'function') ?? 'none';

describe('the order the suite starts the cases in', () => {
  const spread = spreadOverSources(cases);

  it('holds every case once', () => {
    expect(spread.map((testCase) => testCase.id).sort()).toEqual(cases.map((testCase) => testCase.id).sort());
  });

  it('keeps the plan order within a source', () => {
    for (const source of ['sqs', 'kinesis', 'dynamodb', 'none']) {
      const inPlan = cases.filter((testCase) => sourceOf(testCase.fixtures) === source).map((testCase) => testCase.id);
      expect(spread.filter((testCase) => sourceOf(testCase.fixtures) === source).map((testCase) => testCase.id)).toEqual(inPlan);
    }
  });

  it('takes the sources in turn: no source twice in a row while another still has cases', () => {
    const sources = spread.map((testCase) => sourceOf(testCase.fixtures));
    const lastOf = (source: string): number => sources.lastIndexOf(source);
    sources.forEach((source, index) => {
      if (index === 0 || sources[index - 1] !== source) return;
      // The same source twice: every other source is done by then.
      for (const other of new Set(sources)) if (other !== source) expect(lastOf(other)).toBeLessThan(index);
    });
    // The seed edition's cases in plan order do come in runs of one source.
    expect(cases.some((testCase, index) => index > 0 && sourceOf(testCase.fixtures) === sourceOf(cases[index - 1]?.fixtures ?? []))).toBe(true);
  });
});
