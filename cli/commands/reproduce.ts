// `reproduce CASE_ID`: one case, as a person debugging an emulator wants it: the fixtures it needs
// made, its request sent (a property case's: the counterexample its seed draws and shrinks to),
// the request, the answer and the verdict printed, and everything made deleted again. No report
// files: the reports of the run it came from stay as they were.
import { constants } from 'node:os';
import type { Case } from '../../src/cases/case.ts';
import { describeExpectation } from '../../src/cases/describe-expectation.ts';
import { editionCases } from '../../src/cases/edition-cases.ts';
import { isPropertyCase } from '../../src/cases/properties/sampling.ts';
import { closestWord } from '../../src/did-you-mean.ts';
import type { CleanupReport } from '../../src/provisioning/created-resource.ts';
import { guardCleanup } from '../../src/provisioning/guard-cleanup.ts';
import type { CaseResult } from '../../src/results.ts';
import { runCases } from '../../src/runner/run-cases.ts';
import { loadEdition } from '../../src/spec/load.ts';
import { createTransport, type Transport } from '../../src/transport/index.ts';
import { consoleLine } from '../../reporters/console-line.ts';
import { describeCounterexample } from '../../reporters/counterexample-text.ts';
import { requestAsText, responseAsText } from '../../reporters/exchange-text.ts';
import { processIo, type CommandIo } from '../io.ts';
import { preparedFixtures } from '../preflight/setup-problem.ts';
import { openTargetSession, SIGNAL_DEADLINE_MS } from '../target-session.ts';
import { REPRODUCE_FLAGS } from './flag-tables.ts';
import { parseFlags, UsageError } from './flags.ts';
import { randomSeed, runSettings } from './run-settings.ts';

const USAGE = 'Usage: lambda-esm-conformance reproduce CASE_ID [--target URL] [--edition NAME] [--seed N]';

/** Exit 0: the case conforms; 1: it does not; 2: it could not be judged, or nothing was sent. */
export async function reproduce(argv: string[], io: CommandIo = processIo): Promise<number> {
  const [caseId, ...flags] = argv;
  if (caseId === undefined || caseId.startsWith('-')) throw new UsageError(`reproduce needs the id of a case first, as the reports and "lambda-esm-conformance list" show it. ${USAGE}`);
  const settings = { ...runSettings(parseFlags('reproduce', flags, REPRODUCE_FLAGS), process.env), reportDir: null, concurrency: 1 };
  const spec = loadEdition(settings.edition);
  const seed = settings.seed ?? randomSeed();
  const testCase = caseOf(editionCases(spec, { runs: settings.propertyRuns, seed }), caseId, spec.edition);

  const { reference, targetUrl, credentials, secrets, say, fixtures, pacer } = await openTargetSession(settings, io, { needs: testCase.fixtures, functions: 1 });
  const print = (text: string): void => io.stdout(`${text.split('\n').map((line) => consoleLine(line, secrets())).join('\n')}\n`);
  const stop = new AbortController();
  const guard = guardCleanup(
    async (): Promise<CleanupReport> => {
      stop.abort();
      return fixtures.cleanup({ afterStop: true });
    },
    { log: say, remaining: () => fixtures.remaining(), deadlineMs: SIGNAL_DEADLINE_MS },
  );
  let transport: Transport | null = null;
  let result: CaseResult | undefined;
  try {
    say(`lambda-esm-conformance: reproducing ${testCase.id} of the ${spec.edition} edition against ${reference === null ? targetUrl : 'the embedded reference server'}${isPropertyCase(testCase) ? `, seed ${seed}` : ''}`);
    const loaded = await preparedFixtures(settings, targetUrl, credentials, secrets, fixtures, say, pacer);
    if ('problem' in loaded) {
      say(`Nothing was sent: ${loaded.problem}`);
      return 2;
    }
    transport = createTransport({ url: targetUrl, region: settings.region, credentials, concurrency: 1, timeoutMs: settings.timeoutMs, pacer });
    const plan = { edition: settings.edition, spec, cases: [testCase], fixtures: loaded.values, missingFixtures: loaded.missing, ownsFixtures: settings.fixtures === 'auto', maxShrinkRequests: settings.maxShrinkRequests };
    [result] = await runCases(plan, { transport, concurrency: 1, signal: stop.signal });
    if (guard.interruptedBy !== undefined) return 128 + constants.signals[guard.interruptedBy];
  } finally {
    if (guard.interruptedBy === undefined) {
      await fixtures.cleanup();
      guard.uninstall();
    }
    await transport?.close();
    await reference?.close();
  }
  if (result === undefined) return 2;
  print(caseText(testCase, result, seed));
  return result.outcome === 'pass' ? 0 : result.outcome === 'fail' ? 1 : 2;
}

/** The case of this id; a repeat's id (`…#2`) names the case it repeats. */
function caseOf(cases: readonly Case[], id: string, edition: string): Case {
  const wanted = id.replace(/#\d+$/, '');
  const found = cases.find((testCase) => testCase.id === id) ?? cases.find((testCase) => testCase.id === wanted);
  if (found !== undefined) return found;
  const near = closestWord(wanted, cases.map((testCase) => testCase.id));
  const family = wanted.split('/')[0] ?? wanted;
  const related = cases.filter((testCase) => testCase.id.startsWith(`${family}/`)).length;
  const hint = related > 0 ? `"lambda-esm-conformance list --edition ${edition} --grep '^${family}/'" lists the ${related} cases of ${family}` : `"lambda-esm-conformance list --edition ${edition}" lists them all`;
  throw new UsageError(`the ${edition} edition has no case "${id}": ${near === null ? '' : `did you mean ${near}? `}${hint}.`);
}

function caseText(testCase: Case, result: CaseResult, seed: number): string {
  const parts = [
    `case ${testCase.id}: ${testCase.title}`,
    `  clause ${testCase.clause}${testCase.doc === '' ? '' : `: "${testCase.doc}"`}`,
    `  expected: ${describeExpectation(result.expected)}`,
  ];
  if (result.counterexample !== undefined) parts.push(`  counterexample: ${describeCounterexample(result.counterexample)}`);
  else if (isPropertyCase(testCase)) parts.push(`  property case: no value drawn with --seed ${seed} broke its rule`);
  parts.push('', 'request:', requestAsText(result.request), '', 'answer:', responseAsText(result.response), '');
  parts.push(`verdict: ${VERDICT_WORDS[result.outcome]}`);
  for (const reason of result.reasons) parts.push(`  ${reason.check} (${reason.clause}): ${reason.message}`);
  return parts.join('\n');
}

const VERDICT_WORDS: Readonly<Record<CaseResult['outcome'], string>> = {
  pass: 'PASS: the answer conforms',
  fail: 'FAIL: the answer does not conform',
  error: 'COULD NOT BE JUDGED',
  skip: 'NOT SENT',
};
