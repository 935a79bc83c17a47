import type { Case } from '../cases/case.ts';
import { roundOf } from '../cases/select.ts';

/**
 * The cases in the order runCases starts them, round by round (`--repeat`): each source's next
 * case in turn, and within a source the property cases first, the longest first, then the example
 * cases in plan order. The cases runCases keeps in flight are then spread over the sources, so that
 * few wait for a function that is free on theirs while the run's turns could serve another source (npm
 * run bench, 1×: from the first case judged to the last 1.78 s in plan order, where a family's
 * cases on one source come together, and 1.52 s spread). A property case is a chain of requests,
 * each waiting for the one before: started last, as the plan has them, one ran alone at the end of
 * the run (npm run bench, 1×, 50 ms: its last 0.8 s, one request at a time).
 */
export function spreadOverSources(cases: readonly Case[]): Case[] {
  const rounds = new Map<number, Case[]>();
  for (const testCase of cases) {
    const round = rounds.get(roundOf(testCase));
    if (round === undefined) rounds.set(roundOf(testCase), [testCase]);
    else round.push(testCase);
  }
  return [...rounds.values()].flatMap(spreadRound);
}

function spreadRound(cases: readonly Case[]): Case[] {
  const bySource = new Map<string, Case[]>();
  for (const testCase of cases) {
    const source = testCase.fixtures.find((fixture) => fixture !== 'function') ?? 'none';
    const queue = bySource.get(source);
    if (queue === undefined) bySource.set(source, [testCase]);
    else queue.push(testCase);
  }
  // Array.prototype.sort is stable: equals keep the plan's order.
  const queues = [...bySource.values()].map((queue) => queue.sort((a, b) => roundTripsOf(b) - roundTripsOf(a)));
  const spread: Case[] = [];
  for (let index = 0; spread.length < cases.length; index += 1) {
    for (const queue of queues) {
      const next = queue[index];
      if (next !== undefined) spread.push(next);
    }
  }
  return spread;
}

/**
 * How long a case is, in round trips it waits for one after another, if the target answers as
 * expected: a property case's every value, each accepted one with the deletion of its mapping and
 * the wait until it is gone. Example cases, a request or two each, count as none: they keep the
 * plan's order, which tests of the order of sending rely on.
 */
function roundTripsOf(testCase: Case): number {
  if (testCase.property === null) return 0;
  const accepted = testCase.expected.status >= 200 && testCase.expected.status < 300;
  return testCase.property.runs * (accepted ? 3 : 1);
}
