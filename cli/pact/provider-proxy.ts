// What Pact's verifier talks to: one local HTTP server that answers the provider-state calls through
// the state handlers, and sends CreateEventSourceMapping requests on to the target through the
// project's transport (signed, bounded, credentials masked in the answer), recording each exchange
// for the reports. The verifier runs interactions one after another, each as setup calls, its
// request and teardown calls; a setup after a teardown starts the next interaction's record.
//
// Whatever reaches the target is signed with the user's credentials, so the proxy serves only the
// verifier that the run started: every path starts with a random token the verifier is handed over
// IPC (never in argv, which any local user can read), anything else is refused unsent, and of the
// request's headers only Content-Type goes on.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CREATE_MAPPING_METHOD, CREATE_MAPPING_PATH } from '../../src/pact/verification.ts';
import { describeObservation, type Observation, type Transport } from '../../src/transport/index.ts';
import type { StateHandlers } from './provider-states.ts';

/** Where the verifier posts provider-state changes. */
export const STATE_PATH = '/_lambda-esm-conformance/provider-states';

/** A request larger than Lambda's own payload limit is not something the contract sends. */
const MAX_REQUEST_BYTES = 6 * 1024 * 1024;

/** What happened during one interaction, in the order the verifier ran them. */
export interface InteractionRecord {
  readonly exchanges: Observation[];
  /** Provider states that could not be set up, mappings that could not be deleted. */
  readonly stateProblems: string[];
  readonly cleanupProblems: string[];
  tornDown: boolean;
}

export interface ProviderProxy {
  /** The base URL the verifier sends requests under; its path is the run's token: keep it out of argv and logs. */
  readonly url: string;
  readonly stateUrl: string;
  readonly records: readonly InteractionRecord[];
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['host', 'connection', 'keep-alive', 'content-length', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'expect', 'proxy-connection']);

/** Random bytes of the token every request's path starts with. */
const TOKEN_BYTES = 32;

export async function startProviderProxy(transport: Transport, states: StateHandlers): Promise<ProviderProxy> {
  const records: InteractionRecord[] = [];
  const current = (): InteractionRecord => {
    const last = records.at(-1);
    if (last !== undefined && !last.tornDown) return last;
    const next: InteractionRecord = { exchanges: [], stateProblems: [], cleanupProblems: [], tornDown: false };
    records.push(next);
    return next;
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => answer(response, 500, { 'content-type': 'text/plain' }, `lambda-esm-conformance: ${String(error)}`));
  });

  const base = `/${randomBytes(TOKEN_BYTES).toString('base64url')}`;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = pathUnder(base, request.url ?? '');
    if (path === null) return refuse(response, 'this proxy serves only the verification that started it');
    const isState = request.method === 'POST' && path === STATE_PATH;
    if (!isState && (request.method !== CREATE_MAPPING_METHOD || path !== CREATE_MAPPING_PATH)) {
      return refuse(response, `only ${CREATE_MAPPING_METHOD} ${CREATE_MAPPING_PATH} is sent on to the target`);
    }
    const body = await readBody(request);
    if (body === null) return answer(response, 413, { 'content-type': 'text/plain' }, `lambda-esm-conformance: requests over ${MAX_REQUEST_BYTES} bytes are not sent on`);
    if (isState) return changeState(body, response);
    const record = current();
    const contentType = request.headers['content-type'];
    const headers: Record<string, string> = contentType === undefined ? {} : { 'content-type': contentType };
    const observation = await transport.send({ method: CREATE_MAPPING_METHOD, path: CREATE_MAPPING_PATH, headers, body: body.length === 0 ? undefined : body.toString('utf8') });
    record.exchanges.push(observation);
    const got = observation.response;
    if (got === null) return answer(response, 502, { 'content-type': 'text/plain' }, `lambda-esm-conformance: no answer from the target (${describeObservation(observation)})`);
    const forwarded = Object.fromEntries(Object.entries(got.headers).filter(([name]) => !HOP_BY_HOP.has(name) && name !== 'content-encoding'));
    answer(response, got.status, forwarded, got.body);
  }

  async function changeState(body: Buffer, response: ServerResponse): Promise<void> {
    let change: { state?: unknown; params?: unknown; action?: unknown };
    try {
      change = JSON.parse(body.toString('utf8')) as typeof change;
    } catch {
      return answer(response, 400, { 'content-type': 'text/plain' }, 'a provider state change must be JSON');
    }
    const name = typeof change.state === 'string' ? change.state : '';
    if (change.action === 'teardown') {
      const record = records.at(-1);
      if (record !== undefined && !record.tornDown) {
        record.tornDown = true;
        record.cleanupProblems.push(...(await states.cleanUp(record.exchanges)));
      }
      return answer(response, 200, { 'content-type': 'application/json' }, '{}');
    }
    const record = current();
    const setup = await states.setup(name, change.params);
    if (setup.problems.length > 0) {
      record.stateProblems.push(...setup.problems);
      return answer(response, 500, { 'content-type': 'application/json' }, JSON.stringify({ error: setup.problems.join('; ') }));
    }
    answer(response, 200, { 'content-type': 'application/json' }, JSON.stringify(setup.values));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}${base}`;
  return {
    url,
    stateUrl: `${url}${STATE_PATH}`,
    records,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The path after `base`, or null when the request's path does not start with it. */
function pathUnder(base: string, url: string): string | null {
  const prefix = Buffer.from(`${base}/`);
  const given = Buffer.from(url).subarray(0, prefix.length);
  return given.length === prefix.length && timingSafeEqual(given, prefix) ? url.slice(base.length) : null;
}

function refuse(response: ServerResponse, why: string): void {
  answer(response, 403, { 'content-type': 'text/plain', connection: 'close' }, `lambda-esm-conformance: refused unsent: ${why}.`);
}

function answer(response: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  if (response.headersSent) return void response.destroy();
  response.writeHead(status, headers);
  response.end(body);
}

function readBody(request: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_REQUEST_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > MAX_REQUEST_BYTES ? null : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}
