import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReferenceServer, type ReferenceServer } from '../../reference/server.ts';
import type { Case } from '../../src/cases/case.ts';
import { generateCases } from '../../src/cases/generate.ts';
import { judge } from '../../src/judge/judge.ts';
import { EXAMPLE_FIXTURES, FUNCTION_STATE, MAPPING_STATES, SOURCE_STATES } from '../../src/pact/provider-states.ts';
import { errorTypePattern } from '../../src/checks/error-type.ts';
import { wireRequestOf } from '../../src/runner/wire-request.ts';
import { loadEdition } from '../../src/spec/load.ts';
import { createTransport, DUMMY_CREDENTIALS } from '../../src/transport/index.ts';
import { commandInProcess, readResults } from '../run/support/cli-run.ts';

// A consumer test: the project's own transport sends three cases' requests to Pact's mock server,
// and the judge accepts the answers the contract describes. The Pact file the test writes is then
// verified against the reference server, as a provider team would verify it.
const cases = new Map(generateCases(loadEdition('seed')).map((testCase) => [testCase.id, testCase]));
const { fromProviderState, regex, uuid, number } = MatchersV3;
const dir = mkdtempSync(path.join(tmpdir(), 'lesm-pact-consumer-'));
const sqsArn = EXAMPLE_FIXTURES.sourceArns.sqs ?? '';
let server: ReferenceServer;

beforeAll(async () => {
  server = await startReferenceServer();
});

afterAll(async () => {
  await server.close();
});

function caseNamed(id: string): Case {
  const found = cases.get(id);
  if (found === undefined) throw new Error(`no case ${id}`);
  return found;
}

/** Sends a case as the suite does, to the mock server, and judges the answer as the suite does. */
async function sendAndJudge(testCase: Case, url: string) {
  const transport = createTransport({ url, region: 'us-east-1', credentials: async () => DUMMY_CREDENTIALS, timeoutMs: 5_000 });
  try {
    const observation = await transport.send(wireRequestOf(testCase, EXAMPLE_FIXTURES));
    return judge(testCase, observation, { functionArn: EXAMPLE_FIXTURES.functionArn });
  } finally {
    await transport.close();
  }
}

const requestBody = (extra: Record<string, unknown>) => ({
  FunctionName: fromProviderState('${functionName}', EXAMPLE_FIXTURES.functionName),
  EventSourceArn: fromProviderState('${sqsArn}', sqsArn),
  ...extra,
});

describe('the suite as a Pact consumer', () => {
  it('agrees with Pact mock answers to an accepted, a refused and a conflicting request, and the file it writes verifies against the reference server', async () => {
    const pact = new PactV4({ consumer: 'lambda-esm-client', provider: 'aws-lambda-event-source-mappings', dir, host: '127.0.0.1', logLevel: 'error' });
    const accepted = caseNamed('BatchSize/sqs/10');
    await pact
      .addInteraction()
      .given(FUNCTION_STATE)
      .given(SOURCE_STATES.sqs)
      .uponReceiving(accepted.id)
      .withRequest('POST', '/2015-03-31/event-source-mappings/', (builder) => builder.headers({ 'content-type': 'application/json' }).jsonBody(requestBody({ BatchSize: 10 })))
      .willRespondWith(202, (builder) =>
        builder.jsonBody({
          UUID: uuid('6f1c0a52-3c8e-4b0e-9a57-1f2d3c4b5a69'),
          BatchSize: 10,
          EventSourceArn: regex('^arn:aws[a-zA-Z-]*:sqs:[a-z0-9-]+:\\d{12}:[^:/]+$', sqsArn),
          FunctionArn: regex('^arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:\\d{12}:function:[a-zA-Z0-9-_]+$', EXAMPLE_FIXTURES.functionArn),
          LastModified: number(1546300800),
          State: regex('^(Creating|Enabling|Enabled)$', 'Creating'),
        }),
      )
      .executeTest(async (mock) => expect(await sendAndJudge(accepted, mock.url)).toEqual({ outcome: 'pass', reasons: [] }));

    for (const [id, states, status, errorType] of [
      ['BatchSize/sqs/11', [FUNCTION_STATE, SOURCE_STATES.sqs], 400, 'InvalidParameterValueException'],
      ['Duplicate/sqs', [FUNCTION_STATE, SOURCE_STATES.sqs, MAPPING_STATES.sqs], 409, 'ResourceConflictException'],
    ] as const) {
      const refused = caseNamed(id);
      const interaction = pact.addInteraction();
      for (const state of states) interaction.given(state);
      await interaction
        .uponReceiving(id)
        .withRequest('POST', '/2015-03-31/event-source-mappings/', (builder) =>
          builder.headers({ 'content-type': 'application/json' }).jsonBody(requestBody(id === 'BatchSize/sqs/11' ? { BatchSize: 11 } : {})),
        )
        .willRespondWith(status, (builder) => builder.headers({ 'x-amzn-errortype': regex(errorTypePattern([errorType]), errorType) }).jsonBody({ Type: 'User', message: regex('.*', 'refused') }))
        .executeTest(async (mock) => expect(await sendAndJudge(refused, mock.url)).toEqual({ outcome: 'pass', reasons: [] }));
    }

    const [file] = readdirSync(dir);
    expect(file).toBe('lambda-esm-client-aws-lambda-event-source-mappings.json');
    const written = JSON.parse(readFileSync(path.join(dir, file ?? ''), 'utf8')) as { interactions: { description: string }[]; metadata: { pactSpecification: { version: string } } };
    expect(written.metadata.pactSpecification.version).toBe('4.0');
    expect(written.interactions.map((interaction) => interaction.description).sort()).toEqual(['BatchSize/sqs/10', 'BatchSize/sqs/11', 'Duplicate/sqs']);

    const reportDir = mkdtempSync(path.join(tmpdir(), 'lesm-pact-consumer-verify-'));
    const verified = await commandInProcess(['pact', 'verify', '--target', server.url, '--pact', path.join(dir, file ?? ''), '--report-dir', reportDir], reportDir);
    expect(verified.code, verified.stderr).toBe(0);
    expect(readResults(verified).summary).toMatchObject({ total: 3, pass: 3 });
  }, 30_000);
});
