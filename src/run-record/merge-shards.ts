// `merge`: the shards of one split run (run --shard I/N) joined back into the run record an
// unsplit run would have written, case for case in its order, or the reasons they do not make one.
import type { RunRecord } from '../diff/run-record.ts';
import type { CaseResult, GateSummary, RunReport, ToolIdentity } from '../results.ts';
import type { RequestCounts } from '../transport/request-pacer.ts';
import { buildRunReport, type RunStop } from './run-report.ts';

/** Why a --grep run certifies nothing: the one wording of `run` and `merge`. */
export function selectionSubset(grep: string | null): string {
  return `only the cases --grep "${grep ?? ''}" selects were run`;
}

/** What every shard of one run shares, each in words, so that a mismatch names the files and their values. */
const SAME_RUN: readonly { readonly what: string; readonly of: (record: RunRecord) => string }[] = [
  { what: 'editions', of: (record) => record.edition },
  { what: 'seeds', of: (record) => String(record.scope.seed) },
  { what: 'selections (--grep)', of: (record) => JSON.stringify(record.scope.grep) },
  { what: 'repeats (--repeat)', of: (record) => String(record.scope.repeat) },
  { what: 'expectations files (--expectations)', of: (record) => record.gate?.file ?? 'none' },
  { what: 'shard counts (--shard I/N)', of: (record) => String(record.scope.shard?.count) },
  { what: 'numbers of selected cases (another --property-runs, or another version)', of: (record) => String(record.scope.shard?.selectedCases) },
];

/**
 * The joined report of the shards, or the sentences refusing them: a file that is not a shard,
 * shards of different editions, seeds or selections (each file named with its value), a slice
 * given twice or missing, a shard whose cases are not its slice.
 */
export function mergeShards(shards: readonly RunRecord[], tool: ToolIdentity): { report: RunReport; problems: [] } | { report: null; problems: string[] } {
  const refused = (problems: string[]) => ({ report: null, problems });
  const unsharded = shards.filter((record) => record.scope.shard === undefined);
  if (unsharded.length > 0) return refused(unsharded.map((record) => `${record.file} is not a shard: it was run without --shard I/N`));
  const [first] = shards;
  if (first === undefined) return refused(['no results.json was given']);
  const mismatches = SAME_RUN.flatMap(({ what, of }) => {
    if (new Set(shards.map(of)).size === 1) return [];
    return [`the shards are of different ${what}: ${shards.map((record) => `${record.file} (${of(record)})`).join(', ')}`];
  });
  if (mismatches.length > 0) return refused(mismatches);
  const count = first.scope.shard?.count ?? 1;
  const total = first.scope.shard?.selectedCases ?? 0;
  const byIndex = new Map<number, RunRecord>();
  const problems: string[] = [];
  for (const record of shards) {
    const index = record.scope.shard?.index ?? 0;
    const twin = byIndex.get(index);
    if (twin !== undefined) problems.push(`${twin.file} and ${record.file} are both shard ${index}/${count}`);
    byIndex.set(index, record);
    const slice = Math.ceil((total - (index - 1)) / count);
    if (index > count) problems.push(`${record.file} says it is shard ${index}/${count}`);
    else if (record.cases.length !== slice) problems.push(`${record.file} holds ${record.cases.length} cases, but shard ${index}/${count} of ${total} cases is ${slice}`);
  }
  for (let index = 1; index <= count; index++) {
    if (!byIndex.has(index)) problems.push(`shard ${index}/${count} is missing: give its results.json too (run --shard ${index}/${count} with the same --seed, --edition and selection makes it)`);
  }
  if (problems.length > 0) return refused(problems);
  const slices = Array.from({ length: count }, (_, index) => byIndex.get(index + 1)?.cases ?? []);
  // Shard I holds positions I-1, I-1+N, …: position p is the (p div N)-th case of shard (p mod N)+1.
  const cases = Array.from({ length: total }, (_, position) => slices[position % count]?.[Math.floor(position / count)]).filter((result): result is CaseResult => result !== undefined);
  const inOrder = [...shards].sort((a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt));
  const startedAt = Date.parse(inOrder[0]?.startedAt ?? first.startedAt);
  const endedAt = Math.max(...shards.map((record) => Date.parse(record.startedAt) + record.durationMs));
  const selectionPartial = first.scope.shard?.selectionPartial ?? false;
  const targets = [...new Set(shards.map((record) => record.target))];
  const report = buildRunReport({
    tool,
    target: targets.join(', '),
    label: first.label,
    edition: first.edition,
    startedAt: new Date(startedAt),
    durationMs: endedAt - startedAt,
    plannedCases: cases,
    subset: selectionPartial ? selectionSubset(first.scope.grep) : null,
    results: new Map(cases.map((result) => [result.id, result])),
    stop: stopOf(byIndex, count),
    scope: { grep: first.scope.grep, repeat: first.scope.repeat, seed: first.scope.seed, editionCases: first.scope.editionCases, partial: selectionPartial },
    requests: summedRequests(shards.map((record) => record.requests)),
    // Each case keeps the verdict its shard's gate gave it; the counts are summed below.
    gate: null,
    // Shards of the embedded reference server each had a server of their own (other ports): only a
    // target all shards shared can be sent a case again. Neither the region nor --property-runs is in results.json.
    reproduction: targets.length === 1 && targets[0] !== undefined ? { target: targets[0], region: null, propertyRuns: null } : null,
  });
  return { report: { ...report, gate: summedGate(shards.map((record) => record.gate)) }, problems: [] };
}

/** A shard that stopped early makes the joined run incomplete, saying which. */
function stopOf(byIndex: ReadonlyMap<number, RunRecord>, count: number): RunStop | null {
  const stopped = [...byIndex].filter(([, record]) => !record.complete).sort(([a], [b]) => a - b);
  if (stopped.length === 0) return null;
  const interruption = stopped.map(([index, record]) => `shard ${index}/${count}: ${record.interruption ?? 'incomplete'}`).join('; ');
  return { interruption, notRun: 'not run: its shard was interrupted' };
}

function summedRequests(counts: readonly (RequestCounts | null)[]): RequestCounts | null {
  const counted = counts.filter((count): count is RequestCounts => count !== null);
  if (counted.length === 0) return null;
  const sum = (of: (count: RequestCounts) => number): number => counted.reduce((total, count) => total + of(count), 0);
  const caps = counted.map((count) => count.capRps).filter((cap): cap is number => cap !== null);
  return {
    apiCalls: sum((count) => count.apiCalls),
    requests: sum((count) => count.requests),
    throttled: sum((count) => count.throttled),
    retries: sum((count) => count.retries),
    limiterWaitMs: sum((count) => count.limiterWaitMs),
    backoffMs: sum((count) => count.backoffMs),
    capRps: caps.length === 0 ? null : Math.max(...caps),
  };
}

/** The gate's counts over every shard; a stale entry is stale in each (it matches no case of the edition), so the first's are the run's. */
function summedGate(gates: readonly (GateSummary | null)[]): GateSummary | null {
  const gated = gates.filter((gate): gate is GateSummary => gate !== null);
  const [first] = gated;
  if (first === undefined) return null;
  const sum = (of: (gate: GateSummary) => number): number => gated.reduce((total, gate) => total + of(gate), 0);
  return { file: first.file, expected: sum((gate) => gate.expected), unexpectedPass: sum((gate) => gate.unexpectedPass), regression: sum((gate) => gate.regression), stale: first.stale };
}
