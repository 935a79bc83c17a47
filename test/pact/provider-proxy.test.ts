import type { IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StateHandlers } from '../../cli/pact/provider-states.ts';
import { startProviderProxy, STATE_PATH, type ProviderProxy } from '../../cli/pact/provider-proxy.ts';
import type { FixtureValues } from '../../src/cases/placeholders.ts';
import { createTransport, type Transport } from '../../src/transport/index.ts';
import { startHostileTarget, type HostileTarget } from '../support/hostile-target.ts';
import { write } from '../support/intercepting-proxy.ts';
import { credentials, REGION } from '../support/reference-observer.ts';
import { ScriptedTarget } from '../support/scripted-target.ts';

// The provider proxy of `pact verify`, as another local process sees it while a verification runs:
// whatever it sends on is signed with the user's credentials, so it must serve only its verifier.
let target: HostileTarget;
let transport: Transport;
let proxy: ProviderProxy;
const forwardedHeaders: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  target = await startHostileTarget({
    'POST /2015-03-31/event-source-mappings/': {
      kind: 'take-over',
      answer: async (exchange) => {
        forwardedHeaders.push(exchange.headers);
        const forwarded = await exchange.forward();
        write(exchange.response, forwarded.status, forwarded.headers, forwarded.body);
      },
    },
  });
  transport = createTransport({ url: target.url, region: REGION, credentials, timeoutMs: 5_000, concurrency: 1 });
  proxy = await startProviderProxy(transport, new StateHandlers(transport, null, true));
});

afterAll(async () => {
  await proxy.close();
  await transport.close();
  await target.close();
});

describe('the provider proxy of pact verify', () => {
  it('refuses, unsent, a request that does not carry the run\'s token in its path', async () => {
    const origin = new URL(proxy.url).origin;
    // The token with its first character changed (to another one: the token is random, and may start with any).
    const token = new URL(proxy.url).pathname.slice(1);
    const wrongToken = `${token.startsWith('x') ? 'y' : 'x'}${token.slice(1)}`;
    const unsigned = [
      await fetch(`${origin}/2015-03-31/functions/victim`, { method: 'DELETE' }),
      await fetch(`${origin}/2015-03-31/event-source-mappings/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
      await fetch(`${origin}${STATE_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"state":"","action":"teardown"}' }),
      await fetch(`${origin}/${wrongToken}/2015-03-31/event-source-mappings/`, { method: 'POST', body: '{}' }),
    ];
    expect(unsigned.map((answer) => answer.status)).toEqual([403, 403, 403, 403]);
    expect(await unsigned[0]?.text()).toBe('lambda-esm-conformance: refused unsent: this proxy serves only the verification that started it.');
    expect(target.seen).toEqual([]);
  });

  it('sends on only CreateEventSourceMapping, even with the token', async () => {
    const strays = [
      await fetch(`${proxy.url}/2015-03-31/functions/victim`, { method: 'DELETE' }),
      await fetch(`${proxy.url}/2015-03-31/functions/victim/policy`, { method: 'POST', body: '{"Principal":"*"}' }),
      await fetch(`${proxy.url}/2015-03-31/event-source-mappings/?FunctionName=victim`, { method: 'GET' }),
      await fetch(`${proxy.url}/2015-03-31/event-source-mappings/../functions/victim`, { method: 'POST', body: '{}' }),
    ];
    expect(strays.map((answer) => answer.status)).toEqual([403, 403, 403, 403]);
    expect(target.seen).toEqual([]);
  });

  it('drops every header of a forwarded request but Content-Type', async () => {
    const answer = await fetch(`${proxy.url}/2015-03-31/event-source-mappings/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-amz-target': 'AWSLambda.DeleteFunction', 'x-amz-security-token': 'planted', 'x-forwarded-for': '10.0.0.1' },
      body: '{"FunctionName":"nobody","EventSourceArn":"arn:aws:sqs:us-east-1:123456789012:nothing"}',
    });
    expect(answer.status).toBe(404);
    expect(target.seen).toEqual(['POST /2015-03-31/event-source-mappings/']);
    const sent = forwardedHeaders[0] ?? {};
    expect(sent['content-type']).toBe('application/json');
    for (const planted of ['x-amz-target', 'x-amz-security-token', 'x-forwarded-for']) expect(sent[planted], planted).toBeUndefined();
  });
});

describe('the teardown of an interaction', () => {
  const fixtures: FixtureValues = {
    functionName: 'fn',
    functionArn: 'arn:aws:lambda:us-east-1:123456789012:function:fn',
    account: '123456789012',
    region: 'us-east-1',
    sourceArns: { sqs: 'arn:aws:sqs:us-east-1:123456789012:q' },
  };
  const own = '11111111-1111-4111-8111-111111111111';
  const listed = [
    { UUID: own, FunctionArn: fixtures.functionArn, EventSourceArn: fixtures.sourceArns.sqs },
    { UUID: '22222222-2222-4222-8222-222222222222', FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:users-fn', EventSourceArn: fixtures.sourceArns.sqs },
  ];
  // A create answered without a UUID leaves in doubt what was made; the listing names everything it holds.
  const doubtful = () =>
    new ScriptedTarget((request) => {
      if (request.method === 'POST') return { status: 202, body: '{}' };
      if (request.method === 'GET' && request.path.includes('?')) return { status: 200, body: JSON.stringify({ EventSourceMappings: listed }) };
      return { status: request.method === 'DELETE' ? 202 : 404, body: '{}' };
    });
  const create = { method: 'POST', path: '/2015-03-31/event-source-mappings/', headers: {}, body: '{}' };

  it('on the run\'s own function, sweeps only the mappings of that function to the source', async () => {
    const scripted = doubtful();
    const problems = await new StateHandlers(scripted, fixtures, true).cleanUp([await scripted.send(create)]);
    expect(scripted.sent.filter((line) => line.startsWith('DELETE'))).toEqual([`DELETE /2015-03-31/event-source-mappings/${own}`]);
    expect(problems).toEqual([expect.stringContaining('names mapping 22222222-2222-4222-8222-222222222222 of arn:aws:lambda:us-east-1:123456789012:function:users-fn')]);
  });

  it('on the user\'s function (--fixtures FILE), sweeps nothing and says what may be left', async () => {
    const scripted = doubtful();
    const problems = await new StateHandlers(scripted, fixtures, false).cleanUp([await scripted.send(create)]);
    expect(scripted.sent).toEqual(['POST /2015-03-31/event-source-mappings/']);
    expect(problems).toEqual(['an answer left in doubt whether a mapping of fn was made; the function is not this run\'s, so none was deleted: look for one by hand']);
  });
});
