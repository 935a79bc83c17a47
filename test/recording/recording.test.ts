// Recordings at the runCases seam, against the in-process reference server: record, replay the
// same verdicts, record twice the same bytes, compare a target with two deliberate differences,
// no credential in any file, and a recording a replay cannot fill refused before it listens.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRecording } from '../../cli/recording/load-recording.ts';
import { replayLayer } from '../../cli/recording/replay.ts';
import { startReferenceServer, type AnswerFirst, type ReferenceServer } from '../../reference/server.ts';
import type { Case } from '../../src/cases/case.ts';
import { editionCases } from '../../src/cases/edition-cases.ts';
import { generateCases } from '../../src/cases/generate.ts';
import { selectCases } from '../../src/cases/select.ts';
import { judgedAgainstRecording } from '../../src/recording/compare.ts';
import { Normaliser, runValuesOf } from '../../src/recording/placeholders.ts';
import { normalisedExchanges } from '../../src/recording/recording.ts';
import { loadEdition } from '../../src/spec/load.ts';
import { UserFileError } from '../../src/user-file/file-problem.ts';
import { record, runAgainst, verdicts, type RecordedRun } from './support/recorded-run.ts';

// A field with limits per source, the function's name padded to its limits, a duplicate (the same
// request twice, answered otherwise), and two values drawn by each property of them; and in the
// current edition two requests that differ only by a time (2100 is refused, a past one accepted),
// a second standard queue beside the first (the short-visibility one), and an object echoed.
const GREP =
  '^(BatchSize/(sqs|kinesis)/|FunctionName/length/|Duplicate/|StartingPosition/kinesis/AT_TIMESTAMP$|StartingPositionTimestamp/kinesis/in-the-future$|EventSourceArn/sqs/visibility-below-function-timeout$|ProvisionedPollerConfig/sqs/pollers-2$)';
const casesOf = (edition: string): Case[] => selectCases(editionCases(loadEdition(edition), { runs: 2, seed: 7 }), GREP);

const directories: string[] = [];
const servers: ReferenceServer[] = [];
const newDirectory = (): string => {
  const directory = mkdtempSync(join(tmpdir(), 'lesm-recording-'));
  directories.push(directory);
  return directory;
};
async function server(edition: 'seed' | 'current', answerFirst?: AnswerFirst): Promise<ReferenceServer> {
  const started = await startReferenceServer({ edition, ...(answerFirst !== undefined && { answerFirst }) });
  servers.push(started);
  return started;
}
afterAll(async () => {
  await Promise.all(servers.map((started) => started.close()));
});

const recorded = new Map<string, { directory: string; run: RecordedRun; url: string }>();
beforeAll(async () => {
  await Promise.all(
    (['seed', 'current'] as const).map(async (edition) => {
      const directory = newDirectory();
      const { url } = await server(edition);
      recorded.set(edition, { directory, url, run: await record(url, edition, casesOf(edition), directory) });
    }),
  );
});

function recordingOf(edition: string): { directory: string; run: RecordedRun; url: string } {
  const found = recorded.get(edition);
  if (found === undefined) throw new Error(`no recording of ${edition}`);
  return found;
}

/** Every file of a recording by its path under the directory, with its text. */
function filesOf(directory: string): Map<string, string> {
  return new Map(readdirSync(directory, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.json')).map((name) => [name, readFileSync(join(directory, name), 'utf8')]));
}

describe('a recording', () => {
  it.each(['seed', 'current'])('of the %s edition, replayed, gives the recorded verdicts, and the replay conforms to it', async (edition) => {
    const { directory, run } = recordingOf(edition);
    const recording = loadRecording(directory);
    const layer = replayLayer(recording);
    expect(layer.description).toContain(`(run against it with --edition ${edition} --seed 7 to send what it recorded)`);
    const replaying = await server(edition as 'seed' | 'current', layer.answerFirst);
    const replayed = await runAgainst(replaying.url, edition, casesOf(edition));
    expect(verdicts(replayed.results)).toEqual(verdicts(run.results));
    expect(replayed.results.some((result) => result.id.startsWith('Duplicate/') && result.outcome === 'pass')).toBe(true);
    const values = runValuesOf(replayed.fixtures);
    const differing = replayed.results.flatMap((result) => {
      const file = recording.cases.get(result.id);
      if (file === undefined) return [`${result.id}: not recorded`];
      const judged = judgedAgainstRecording(result, file, normalisedExchanges(replayed.exchanges.of(result.id), new Normaliser(values)), recording.label, { messages: true });
      return judged.reasons.filter((reason) => reason.check === 'recording_conformance').map((reason) => reason.message);
    });
    expect(differing).toEqual([]);
  });

  it('of the same target answering the same way is the same bytes, but for the run id', async () => {
    const again = newDirectory();
    await record(recordingOf('seed').url, 'seed', casesOf('seed'), again);
    const [first, second] = [filesOf(recordingOf('seed').directory), filesOf(again)];
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    const withoutRunId = (text: string | undefined): string => (text ?? '').replace(/"runId": "\w+"/, '');
    for (const [name, text] of first) expect(name === 'recording.json' ? withoutRunId(second.get(name)) : second.get(name), name).toBe(name === 'recording.json' ? withoutRunId(text) : text);
    expect(first.get('recording.json')).toContain('"date": "2026-12-01T03:00:00.000Z"');
  });

  it('names a target with another error type on one case and an extra member on another in exactly those two recording_conformance reasons', async () => {
    const { directory } = recordingOf('seed');
    const recording = loadRecording(directory);
    const replay = replayLayer(recording).answerFirst;
    // A deliberately different target: the recording's answers, but for these two.
    const differing: AnswerFirst = (call, names) => {
      const answer = replay(call, names);
      const body = call.body.toString('utf8');
      if (answer === undefined || body === '') return answer;
      const sent = JSON.parse(body) as { BatchSize?: unknown; EventSourceArn?: unknown };
      const on = (service: string): boolean => typeof sent.EventSourceArn === 'string' && sent.EventSourceArn.includes(`:${service}:`);
      if (sent.BatchSize === 0 && on('sqs')) return { ...answer, headers: { ...answer.headers, 'x-amzn-errortype': 'ValidationException' } };
      if (sent.BatchSize === 1000 && on('kinesis')) return { ...answer, body: JSON.stringify({ ...(JSON.parse(answer.body) as object), Extra: true }) };
      return answer;
    };
    const target = await server('seed', differing);
    const cases = selectCases(generateCases(loadEdition('seed')), GREP);
    const run = await runAgainst(target.url, 'seed', cases);
    const values = runValuesOf(run.fixtures);
    const reasons = run.results.flatMap((result) => {
      const file = recording.cases.get(result.id);
      const judged = file === undefined ? result : judgedAgainstRecording(result, file, normalisedExchanges(run.exchanges.of(result.id), new Normaliser(values)), recording.label, { messages: false });
      return judged.reasons.filter((reason) => reason.check === 'recording_conformance').map((reason) => `${result.id}: ${reason.message}`);
    });
    const label = recording.label;
    expect(label).toMatch(/^http:\/\/127\.0\.0\.1:\d+ us-east-1, 2026-12-01$/);
    expect(reasons).toEqual([
      `BatchSize/sqs/0: differs from the recording ${label}: ${label} answered 400 InvalidParameterValueException, this target 400 ValidationException`,
      `BatchSize/kinesis/1000: differs from the recording ${label}: this target answered a member Extra (true) that ${label} did not`,
    ].sort((a, b) => cases.findIndex((testCase) => a.startsWith(`${testCase.id}:`)) - cases.findIndex((testCase) => b.startsWith(`${testCase.id}:`))));
  });

  it('holds no credential, even one a hostile target echoes back', async () => {
    const canary = { accessKeyId: 'ASIACANARY0123456789', secretAccessKey: 'canary-secret-0123456789abcdefghijklmnopqrstuv', sessionToken: 'canary-token-IQoJb3JpZ2luX2VjEJr-0123456789' };
    // Whatever the run signs with comes back in the body of every created mapping.
    const echoing: AnswerFirst = (call) => {
      if (call.method !== 'POST' || !call.path.startsWith('/2015-03-31/event-source-mappings')) return undefined;
      return { status: 400, headers: { 'content-type': 'application/json', 'x-amzn-errortype': 'InvalidParameterValueException' }, body: JSON.stringify({ message: `${String(call.headers.authorization)} ${String(call.headers['x-amz-security-token'])} ${canary.secretAccessKey}` }) };
    };
    const directory = newDirectory();
    await record((await server('seed', echoing)).url, 'seed', selectCases(generateCases(loadEdition('seed')), '^BatchSize/sqs/'), directory, {
      credentials: async () => canary,
      secrets: Object.values(canary),
    });
    const files = filesOf(directory);
    expect(files.size).toBeGreaterThan(2);
    for (const [name, text] of files) for (const secret of Object.values(canary)) expect(text, name).not.toContain(secret);
  });

  it('whose answer needs a value its request does not carry is refused before a replay listens, naming the file and the value', () => {
    const { directory: source } = recordingOf('seed');
    const index = JSON.parse(readFileSync(join(source, 'recording.json'), 'utf8')) as { cases: { id: string; file: string }[] };
    const target = index.cases.find((entry) => entry.id === 'BatchSize/kinesis/1000');
    expect(target).toBeDefined();
    const copy = newDirectory();
    mkdirSync(join(copy, 'cases'));
    for (const [name, text] of filesOf(source)) {
      writeFileSync(join(copy, name), name === target?.file ? text.replace('"State": "Creating"', '"State": "<function-name:9>"') : text);
    }
    const refusal = (() => {
      try {
        replayLayer(loadRecording(copy));
        return null;
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(UserFileError);
    expect(String(refusal)).toContain(
      `${join(copy, target?.file ?? '')}: the answer of exchange 1 (case BatchSize/kinesis/1000) needs <function-name:9>, which its request does not carry and a replay cannot make up\n  fix: record the case again`,
    );
  });
});
