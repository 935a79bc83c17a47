import { describe, expect, it } from 'vitest';
import { generateCases } from '../../src/cases/generate.ts';
import { propertyCases } from '../../src/cases/properties/property-cases.ts';
import { repeatCases } from '../../src/cases/select.ts';
import { spreadOverSources } from '../../src/runner/spread-over-sources.ts';
import { loadEdition } from '../../src/spec/load.ts';

const spec = loadEdition('seed');
const examples = generateCases(spec);
const properties = propertyCases(spec, { runs: 10, seed: 1 });
const cases = [...examples, ...properties];
const sourceOf = (fixtures: readonly string[]): string => fixtures.find((fixture) => fixture !== 'function') ?? 'none';
const idsOn = (list: readonly { id: string; fixtures: readonly string[] }[], source: string): string[] =>
  list.filter((testCase) => sourceOf(testCase.fixtures) === source).map((testCase) => testCase.id);

describe('the order the suite starts the cases in', () => {
  const spread = spreadOverSources(cases);

  it('holds every case once', () => {
    expect(spread.map((testCase) => testCase.id).sort()).toEqual(cases.map((testCase) => testCase.id).sort());
  });

  it('starts the property cases of a source first, those whose values are accepted (each mapping deleted and awaited) before those refused', () => {
    for (const source of ['sqs', 'kinesis', 'dynamodb', 'none']) {
      const started = spread.filter((testCase) => sourceOf(testCase.fixtures) === source);
      const valid = started.filter((testCase) => testCase.property !== null && testCase.expected.status === 202).map((testCase) => testCase.id);
      const refused = started.filter((testCase) => testCase.property !== null && testCase.expected.status !== 202).map((testCase) => testCase.id);
      expect(refused.length).toBeGreaterThan(0);
      expect(started.map((testCase) => testCase.id).slice(0, valid.length + refused.length)).toEqual([...valid, ...refused]);
    }
  });

  it('keeps the plan order among the example cases of a source', () => {
    for (const source of ['sqs', 'kinesis', 'dynamodb', 'none']) {
      expect(idsOn(spread, source).filter((id) => !id.includes('/property/'))).toEqual(idsOn(examples, source));
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

  it('starts a repeated run round by round (--repeat)', () => {
    const repeated = spreadOverSources(repeatCases(cases, 3));
    const roundOfId = (id: string): number => Number(/#(\d+)$/.exec(id)?.[1] ?? 1);
    const rounds = repeated.map((testCase) => roundOfId(testCase.id));
    expect(rounds).toEqual([...rounds].sort((a, b) => a - b));
    expect(repeated.slice(0, cases.length).map((testCase) => testCase.id)).toEqual(spread.map((testCase) => testCase.id));
  });
});
