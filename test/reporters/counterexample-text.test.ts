import { describe, expect, it } from 'vitest';
import { describeCounterexample } from '../../reporters/counterexample-text.ts';
import type { Counterexample } from '../../src/results.ts';

const found = (overrides: Partial<Counterexample>): Counterexample => ({
  field: 'BatchSize',
  value: 10001,
  request: null,
  response: null,
  runsUntilFailure: 3,
  shrinkSteps: 12,
  shrinkRequests: 20,
  shrinkLimit: null,
  seed: 42,
  propertySeed: 123,
  path: '2:1:0',
  ...overrides,
});

describe('describeCounterexample', () => {
  it('does not call the value the smallest that breaks the rule: shrinking stays in the piece it was drawn from (SQS 10001, though 11 fails too)', () => {
    const text = describeCounterexample(found({}));
    expect(text).toBe('BatchSize 10001 breaks the rule: the value drawn in run 3, shrunk in 12 steps to the simplest that still fails (others may fail too, smaller ones among them); --seed 42 draws it again (fast-check seed 123, path "2:1:0")');
    expect(text).not.toContain('smallest');
  });

  it('says when shrinking stopped at --max-shrink-requests', () => {
    expect(describeCounterexample(found({ shrinkLimit: 3 }))).toContain('BatchSize 10001 breaks the rule: the value drawn in run 3, shrunk in 12 steps, then stopped at --max-shrink-requests 3 (a simpler value may fail too);');
  });
});
