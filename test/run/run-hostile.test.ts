// The suite pointed at targets nobody has vetted: each test puts one misbehaviour in front of the
// reference server and checks, besides what that misbehaviour threatens, what every run must keep
// (runHostile): a bounded time and peak memory, three reports that parse, no credential anywhere.
// Each bound on time is relative to a baseline measured under the same load (test/support/time-bounds.ts).
// What a misbehaviour threatens in what the run writes or decides, not in the process (its memory,
// a signal), is run in this process (runHostileInProcess, runInProcess): a child costs a second of CPU.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SIGNAL_DEADLINE_MS } from '../../cli/target-session.ts';
import type { CaseResult } from '../../src/results.ts';
import { misbehaviours, startHostileTarget, type HostileTarget, type Misbehaviour } from '../support/hostile-target.ts';
import { boundMs, RUN_TEST_TIMEOUT_MS, timed } from '../support/time-bounds.ts';
import { expectEndedWithinSignalDeadline, runCli, runInProcess } from './support/cli-run.ts';
import { CANARY, normalRun, RSS_HEADROOM_KB, runHostile, runHostileInProcess, type HostileRunOptions, type NormalRun } from './support/hostile-run.ts';
import { remainingFixtures, runIdIn } from './support/reference-state.ts';

let normal: NormalRun;
let target: HostileTarget | undefined;

beforeAll(async () => {
  normal = await normalRun();
}, RUN_TEST_TIMEOUT_MS);

afterEach(async () => {
  await target?.close();
  target = undefined;
});

async function against(misbehaviour: Misbehaviour): Promise<HostileTarget> {
  target = await startHostileTarget(misbehaviour);
  return target;
}

function bounds(misbehaviourMs: number, more: Partial<HostileRunOptions> = {}): HostileRunOptions {
  return { misbehaviourMs, normal, ...more };
}


const reasonsOf = (result: CaseResult | undefined): string => (result?.reasons ?? []).map((reason) => `${reason.check}: ${reason.message}`).join('\n');

/** Sends `signal` once the target has seen `operation` `times` times, then `afterMs` later; resolves with when it was sent. */
function signalOnceSeen(hostile: HostileTarget, operation: string, times: number, afterMs: number, signal: NodeJS.Signals) {
  let sentAt: number | null = null;
  const started = (send: (name: NodeJS.Signals) => void): void => {
    const poll = setInterval(() => {
      if (hostile.seen.filter((seen) => seen === operation).length < times) return;
      clearInterval(poll);
      setTimeout(() => {
        sentAt = performance.now();
        send(signal);
      }, afterMs);
    }, 20);
  };
  return { started, sentAt: () => sentAt };
}

describe('1. secrets in escaped form', () => {
  it('never lets a credential echoed in any spelling (escaped, encoded, referenced, re-cased, as a header name) reach a report or the console', async () => {
    const hostile = await against(misbehaviours.echoesCredentialsEscaped());
    // runHostile fails naming the output and the spelling if any of credentialSpellings reaches stdout, stderr or a report.
    const { report, run } = await runHostileInProcess(hostile.url, ['--grep', '^BatchSize/sqs/'], bounds(0));
    // The echoes were there to leak, and each one was masked where it arrived.
    const success = report.cases.find((result) => result.response?.status === 202);
    const body = JSON.stringify(success?.response?.body);
    expect(body.match(/\[REDACTED\]/g)?.length).toBeGreaterThanOrEqual(30);
    expect(success?.response?.headers['x-echo-token']).toBe('[REDACTED]');
    expect(success?.response?.headers['x-echo-named']).toBe('[REDACTED]');
    expect(success?.response?.headers['x-[REDACTED]']).toBe('named after the key');
    // Error types carried every spelling of the token: the console printed them, masked.
    expect(run.stdout, run.stdout).toContain('[REDACTED] [REDACTED]');
  }, RUN_TEST_TIMEOUT_MS);
});

describe('2. memory', () => {
  it('keeps a bounded head of each huge answer, counts the rest and says so in every report', async () => {
    const bytes = 20 * 1024 * 1024;
    const hostile = await against(misbehaviours.answersHugeBodies(bytes));
        // Each 20 MiB answer is read to its end (and counted), which a normal run has no part of.
    const { report, html, junit } = await runHostile(hostile.url, ['--grep', '^BatchSize/sqs/'], bounds(10_000));
    const huge = report.cases.filter((result) => result.response?.status === 202);
    expect(huge.length).toBeGreaterThan(2);
    for (const result of huge) {
      expect(result.response?.bodyTruncated).toEqual({ keptBytes: 64 * 1024, receivedBytes: bytes, complete: true });
      expect(result.outcome).toBe('fail');
    }
    expect(html).toContain(`64 KiB of ${bytes.toLocaleString('en-US')} bytes shown`);
    expect(JSON.stringify(junit)).toContain(`64 KiB of ${bytes.toLocaleString('en-US')} bytes shown`);
  }, RUN_TEST_TIMEOUT_MS);

  it("cuts a 63 KiB error type wherever it is kept, so that a case's text is bounded at any --repeat", async () => {
    const hostile = await against(misbehaviours.answersHugeErrorTypes(63 * 1024));
    const { run, report, html } = await runHostile(hostile.url, ['--grep', '^BatchSize/sqs/', '--repeat', '3'], bounds(0));
    const xml = (await import('node:fs')).readFileSync(`${run.reportDir}/junit.xml`, 'utf8');
    const cases = report.cases.length;
    expect(cases).toBeGreaterThan(20);
    expect(reasonsOf(report.cases[0])).toContain('… (64512 characters)');
    // Besides the body heads a case keeps (64 KiB each, its counterexample's too), a few KiB per case: the type is no longer quoted whole in each reason, finding and line.
    const bodies = (result: CaseResult) => [result.response, result.counterexample?.response].map((response) => JSON.stringify(response?.body ?? null).length).reduce((sum, length) => sum + length, 0);
    const stripped = (result: CaseResult) => ({ ...result, response: null, counterexample: result.counterexample && { ...result.counterexample, response: null } });
    for (const result of report.cases) expect(JSON.stringify(stripped(result)).length).toBeLessThan(4_000);
    expect(JSON.stringify(report.findings).length).toBeLessThan(report.findings.length * 4_000);
    const kept = report.cases.reduce((sum, result) => sum + bodies(result), 0);
    expect(xml.length).toBeLessThan(kept + cases * 8_000);
    expect(html.length).toBeLessThan(kept + cases * 8_000);
    expect(run.stdout.length + run.stderr.length).toBeLessThan(cases * 1_000 + 10_000);
  }, RUN_TEST_TIMEOUT_MS);

  it('stops reading an answer that never ends', async () => {
    const hostile = await against(misbehaviours.answersEndlessBodies());
    // Each of the two answers is read until its --timeout, the target pouring all the while: a second is
    // some hundred megabytes, far past what is kept.
    const { report } = await runHostile(hostile.url, ['--grep', '^BatchSize/sqs/(1|10)$', '--timeout', '1000'], bounds(2 * 1000));
    for (const result of report.cases) {
      expect(result.response?.status, reasonsOf(result)).toBe(202);
      expect(result.response?.bodyTruncated).toMatchObject({ keptBytes: 64 * 1024, complete: false });
    }
  }, RUN_TEST_TIMEOUT_MS);
});

describe('3. depth', () => {
  it('makes an answer nested too deep a finding on its own case, and judges every case', async () => {
    const hostile = await against(misbehaviours.answersDeeplyNested(20_000));
    const { report } = await runHostileInProcess(hostile.url, ['--grep', '^BatchSize/sqs/'], bounds(0));
    expect(report.complete).toBe(true);
    for (const result of report.cases) {
      expect(result.reasons.map((reason) => reason.check), reasonsOf(result)).not.toContain('suite_error');
      if (result.response?.status === 202) expect(reasonsOf(result)).toMatch(/nested more than 64 levels deep/);
    }
  }, RUN_TEST_TIMEOUT_MS);
});

describe('4. time', () => {
  // The check before the first case (that Lambda can use the execution role) makes and deletes a
  // mapping: it meets these first, and a mapping it cannot be sure is gone would meet every case.
  it('waits for a deleted mapping to go away for a few --timeout at most', async () => {
    const hostile = await against(misbehaviours.keepsDeletedMappingsVisible());
    const run = await runInProcess(['--target', hostile.url, '--grep', '^BatchSize/sqs/(1|10|omitted)$', '--timeout', '500']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /Nothing was judged: the mapping of lesm-\w+-fn to the SQS queue \S+ that the check of the execution role made could not be deleted \(mapping \S+ was still visible 1\.5 s after its deletion\)/,
    );
  }, RUN_TEST_TIMEOUT_MS);

  it('reads a bounded list of mappings that never go away', async () => {
    // About 90 KB, more than the 64 KiB the suite reads of a list; each one listed, the cleanup of the
    // fixtures deletes (up to 1000), which made this test's time with more.
    const hostile = await against(misbehaviours.listsMappingsThatNeverGo(400));
    // Every list the run reads is this one: --timeout is 500 ms, or LOAD_FACTOR × what the target takes here now to send it (measured right before) if more.
    const listMs = (await timed(() => fetch(`${hostile.url}/2015-03-31/event-source-mappings/`).then((answer) => answer.text()))).ms;
    const timeoutMs = Math.max(500, Math.ceil(boundMs(0, listMs)));
    const run = await runInProcess(['--target', hostile.url, '--grep', '^BatchSize/sqs/1$', '--timeout', String(timeoutMs)]);
    expect(run.code).toBe(2);
    // The answer lacks its UUID, so the mappings are listed: the list is read no further than its bound, and said in one sentence.
    const sentence = run.stderr.split('\n').find((line) => line.startsWith('Nothing was judged')) ?? run.stderr;
    expect(sentence).toMatch(/that the check of the execution role made could not be deleted \(the list of mappings of \S+ is larger than the suite reads \(\d+ bytes\)\)/);
    expect(sentence.length).toBeLessThan(2_000);
  }, RUN_TEST_TIMEOUT_MS);

  it('ends within seconds on SIGTERM while CreateFunction trickles its answer, with the report written and the fixtures deleted', async () => {
    const hostile = await against(misbehaviours.tricklesCreateFunction(300));
    // The signal comes with the answer's first bytes trickling (one each 300 ms, the whole of it
    // taking far past --timeout): how long it has trickled by then is not the rule.
    const cue = signalOnceSeen(hostile, 'POST /2015-03-31/functions', 1, 400, 'SIGTERM');
    const { run, report, startMs } = await runHostile(hostile.url, ['--timeout', '10000'], bounds(400 + SIGNAL_DEADLINE_MS, { started: cue.started }));
    expect(run.code).toBe(143);
    expectEndedWithinSignalDeadline(run, cue.sentAt(), startMs);
    expect(report.complete).toBe(false);
    expect(await remainingFixtures(hostile.upstream, /lesm-([a-z0-9]+)-/.exec(run.stderr)?.[1] ?? '?')).toEqual([]);
  }, RUN_TEST_TIMEOUT_MS);

  it('gives up on a CreateFunction that trickles its answer within a few --timeout', async () => {
    const hostile = await against(misbehaviours.tricklesCreateFunction(300));
    // Three attempts of 3 T each at the fixture call, beyond what a normal run costs here.
    const { value: run, ms } = await timed(() => runInProcess(['--target', hostile.url, '--timeout', '300']));
    expect(ms).toBeLessThan(boundMs(3 * 3 * 300, normal.elapsedMs));
    expect(run.code).toBe(2);
    // Every function the run makes (4 at the default concurrency) meets the same trickle.
    expect(run.stderr).toMatch(
      /Nothing was judged: the fixtures could not be created: lambda:CreateFunction for Lambda function lesm-\w+-fn on \S+ \(and 3 more: lambda:CreateFunction, lambda:CreateFunction, lambda:CreateFunction\) got no complete answer \(TimeoutError.*\): run again with a larger --timeout/,
    );
  }, RUN_TEST_TIMEOUT_MS);

  it('ends within seconds on SIGTERM against a target that hangs, with the report written', async () => {
    const hostile = await against(misbehaviours.hangs());
    // The signal comes while the first mapping request hangs (it would until --timeout, 30 s): how long it has hung by then is not the rule.
    const cue = signalOnceSeen(hostile, 'POST /2015-03-31/event-source-mappings/', 1, 200, 'SIGTERM');
    const { run, report, startMs } = await runHostile(hostile.url, ['--grep', '^BatchSize/', '--timeout', '30000'], bounds(200 + SIGNAL_DEADLINE_MS, { started: cue.started }));
    expect(run.code).toBe(143);
    expectEndedWithinSignalDeadline(run, cue.sentAt(), startMs);
    expect(report.complete).toBe(false);
    expect(await remainingFixtures(hostile.upstream, runIdIn(run.stderr))).toEqual([]);
  }, RUN_TEST_TIMEOUT_MS);
});

describe('5. terminal and text', () => {
  // OSC retitle, clear screen, a carriage return that overwrites a verdict line, bidi and zero-width.
  const payload = '\u001b]0;retitled\u0007\u001b[2J\r[ 1/7] pass  forged\n\u202e\u2066\u200b\u0085';
  const acting = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/;

  it('shows every character a target chose escaped and visible: console, report.html and junit.xml', async () => {
    const hostile = await against(misbehaviours.answersControlSequences(payload));
    const { run, html } = await runHostileInProcess(hostile.url, ['--grep', '^BatchSize/sqs/'], bounds(0));
    const xml = (await import('node:fs')).readFileSync(`${run.reportDir}/junit.xml`, 'utf8');
    expect(run.stdout).toContain('\\u001B]0;retitled');
    const json = (await import('node:fs')).readFileSync(`${run.reportDir}/results.json`, 'utf8');
    for (const [name, text] of Object.entries({ stdout: run.stdout, stderr: run.stderr, 'report.html': html, 'junit.xml': xml, 'results.json': json })) {
      expect(acting.exec(text)?.[0], name).toBeUndefined();
    }
    // On a terminal a line is a line: no target can start a new one.
    for (const output of [run.stdout, run.stderr]) expect(output).not.toContain('forged\n');
    expect(html).toContain('\\u202E');
    expect(xml).toContain('\\u202E');
  }, RUN_TEST_TIMEOUT_MS);
});

describe('6. files the user names', () => {
  const fifo = (): string => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'lesm-fifo-')), 'fixtures.yaml');
    execFileSync('mkfifo', [file]);
    return file;
  };

  it.each([
    ['a device that never ends', () => '/dev/zero'],
    ['a FIFO nobody writes to', fifo],
  ])('refuses %s as a fixtures file at once, with exit 2 and bounded memory', async (_what, file) => {
    const named = file();
    // The baseline: the same refusal of a file that does not exist, right before (the same steps, the file's lookup included).
    const missing = await runCli(['--fixtures', path.join(mkdtempSync(path.join(tmpdir(), 'lesm-none-')), 'fixtures.yaml')], { limitMs: 30_000 });
    expect(missing.stderr).toContain('the file does not exist');
    const run = await runCli(['--fixtures', named], { env: { ...CANARY }, limitMs: 30_000 });
    expect(run.killed, run.stderr).toBe(false);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${named}: this is not a regular file`);
    // At once: within a second of the baseline, never a read of the file (which would not end).
    expect(run.elapsedMs, `the refusal of a missing file took ${Math.round(missing.elapsedMs)} ms`).toBeLessThan(boundMs(1_000, missing.elapsedMs));
    expect(run.maxRssKb ?? Infinity).toBeLessThan(normal.rssKb + RSS_HEADROOM_KB);
  }, RUN_TEST_TIMEOUT_MS);
});
