import { randomUUID } from 'node:crypto';
import type { OutgoingHttpHeaders } from 'node:http';
import { ACCOUNT_ID } from './account.ts';
import { resolveAwsTiming, type AwsTimingOptions } from './aws-timing.ts';
import { listenForHttp1AndHttp2, resetWithoutAnswer, type AnyRequest, type AnyResponse, type ConnectionLimits } from './dual-protocol-listener.ts';
import type { Answer, IncomingCall } from './exchange.ts';
import { internalErrorAnswer, malformedAnswer, throttledAnswer } from './faults/fault-answers.ts';
import type { FaultOptions } from './faults/fault-options.ts';
import { FaultPlan, type FaultKind } from './faults/fault-plan.ts';
import { restJsonError } from './protocols/rest-json.ts';
import type { ReferenceEdition } from './edition.ts';
import { credentialScope } from './region.ts';
import type { Route } from './route.ts';
import { Router } from './router.ts';
import { ServiceError } from './service-error.ts';
import { World, type OwnNames } from './world.ts';

export type { FaultOptions, FaultScope } from './faults/fault-options.ts';
export type { FaultKind } from './faults/fault-plan.ts';
export { AWS_TIMING_NAMES, DEFAULT_AWS_TIMING, type AwsTimingOptions } from './aws-timing.ts';
export { isReferenceEdition, REFERENCE_EDITIONS, type ReferenceEdition } from './edition.ts';
export { DEFAULT_CONNECTION_LIMITS, type ConnectionLimits } from './dual-protocol-listener.ts';

export interface ReferenceServerOptions {
  // Interface to listen on; 127.0.0.1 unless told otherwise, so nothing is exposed by accident.
  readonly host?: string;
  // 0 (the default) asks the OS for any free port; the chosen one is in the result's url and port.
  readonly port?: number;
  readonly faults?: FaultOptions;
  // Which AWS to behave as: the 2019 documentation (`seed`, the default) or today's (`current`).
  readonly edition?: ReferenceEdition;
  // Behave asynchronously as AWS does (reference/README.md, "AWS timing"): `true` or `{}` for the
  // documented defaults, or the durations to use. Absent: everything happens at once.
  readonly awsTiming?: boolean | AwsTimingOptions;
  // The 12-digit account every ARN names and STS GetCallerIdentity answers (default 123456789012).
  readonly account?: string;
  // Told about every request once it is answered, reset or left hanging (for the serve command's log).
  readonly onRequest?: (entry: RequestLogEntry) => void;
  // How long a connection may wait for headers or pause a body, and how many may be open (DEFAULT_CONNECTION_LIMITS unless told).
  readonly connectionLimits?: ConnectionLimits;
  // Asked first about each request a fault leaves alone (serve --replay): its answer replaces the
  // server's; undefined lets the server answer. Told the names the world has made, to recognise them.
  readonly answerFirst?: AnswerFirst;
}

export type AnswerFirst = (call: IncomingCall, names: OwnNames) => Answer | undefined;
export type { Answer, IncomingCall } from './exchange.ts';
export type { OwnNames } from './world.ts';

export interface RequestLogEntry {
  readonly requestId: string;
  readonly method: string;
  readonly path: string;
  readonly service: string;
  readonly operation: string;
  // undefined when no answer was sent (reset or hang).
  readonly status: number | undefined;
  readonly fault: FaultKind | undefined;
  readonly durationMs: number;
}

export interface ReferenceServer {
  // http://HOST:PORT, with no trailing slash.
  readonly url: string;
  readonly port: number;
  // Stops listening and ends every connection, including requests left hanging by a fault.
  close(): Promise<void>;
}

// Lambda's own request payload limit; anything larger is refused before it is parsed.
const MAX_BODY_BYTES = 6 * 1024 * 1024;

export async function startReferenceServer(options: ReferenceServerOptions = {}): Promise<ReferenceServer> {
  const host = options.host ?? '127.0.0.1';
  const faults = new FaultPlan(options.faults); // throws RangeError on unusable options, before listening
  const account = options.account ?? ACCOUNT_ID;
  if (!/^\d{12}$/.test(account)) throw new RangeError(`account must be 12 digits, not "${account}".`);
  const world = new World(resolveAwsTiming(options.awsTiming), account);
  const router = new Router(world, options.edition ?? 'seed');
  const pendingDelays = new Set<() => void>();
  let closing = false;
  let closed: Promise<void> | undefined;

  // Waits `ms`, or less if the server closes meanwhile; answers whether the request should go on.
  const delay = (ms: number): Promise<boolean> =>
    new Promise((resolve) => {
      const finish = (): void => {
        clearTimeout(timer);
        pendingDelays.delete(finish);
        resolve(!closing);
      };
      const timer = setTimeout(finish, ms);
      pendingDelays.add(finish);
    });

  const onRequest = (request: AnyRequest, response: AnyResponse): void => {
    handle(request, response).catch((error: unknown) => {
      // Last resort: handle() already turns every known failure into an answer.
      if (!response.headersSent) {
        write(response, randomUUID(), restJsonError(new ServiceError(500, 'ServiceException', describe(error))));
      } else {
        response.destroy();
      }
    });
  };

  async function handle(request: AnyRequest, response: AnyResponse): Promise<void> {
    const started = performance.now();
    const requestId = randomUUID();
    response.on('error', () => undefined); // a client that went away is not the server's problem
    const body = await readBody(request);
    if (body === undefined) return; // the client aborted while sending

    const [path = '/', queryString = ''] = (request.url ?? '/').split('?', 2);
    const query = new URLSearchParams(queryString);
    const scope = credentialScope(request.headers, query);
    const call: IncomingCall = {
      method: request.method ?? 'GET',
      path,
      query,
      headers: request.headers,
      body: body === 'too-large' ? Buffer.alloc(0) : body,
      region: scope.region,
      requestId,
      // HTTP/2 carries the host as :authority.
      host: request.headers.host ?? String(request.headers[':authority'] ?? `${host}:${listener.port}`),
    };
    const route = router.route(call, scope.service);
    const log = (status: number | undefined, fault: FaultKind | undefined): void =>
      options.onRequest?.({
        requestId,
        method: call.method,
        path,
        service: route.service,
        operation: route.operation,
        status,
        fault,
        durationMs: Math.round(performance.now() - started),
      });

    const decision = faults.decide(route.operation);
    if (decision.latencyMs > 0 && !(await delay(decision.latencyMs))) return;

    // Faults are decided before the operation runs and replace it, so a faulted request never changes
    // state: retrying it is always safe, and it never leaves behind a mapping nobody knows the UUID of.
    switch (decision.fault) {
      case 'reset':
        log(undefined, 'reset');
        resetWithoutAnswer(request);
        return;
      case 'hang':
        log(undefined, 'hang');
        return;
      case 'throttle':
        return finish(throttledAnswer(route, options.faults?.retryAfterSeconds), 'throttle');
      case 'error':
        return finish(internalErrorAnswer(route), 'error');
      case 'malformed':
        return finish(malformedAnswer(route), 'malformed');
      case undefined:
        return finish(body === 'too-large' ? tooLarge() : (options.answerFirst?.(call, world.ownNames()) ?? perform(route)), undefined);
    }

    function finish(answer: Answer, fault: FaultKind | undefined): void {
      write(response, requestId, answer);
      log(answer.status, fault);
    }
  }

  const listener = await listenForHttp1AndHttp2(host, options.port ?? 0, onRequest, options.connectionLimits);

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${listener.port}`,
    port: listener.port,
    close: () => {
      // Closing twice (a test's afterEach after an explicit close) waits for the same close.
      if (closed === undefined) {
        closing = true;
        for (const finish of [...pendingDelays]) finish();
        // Ends hanging and keep-alive connections too, which would otherwise hold close() open for ever.
        closed = listener.close();
      }
      return closed;
    },
  };
}

function perform(route: Route): Answer {
  try {
    return route.run();
  } catch (error) {
    if (error instanceof ServiceError) return route.renderError(error);
    return route.renderError(new ServiceError(500, 'ServiceException', `The reference server failed: ${describe(error)}`));
  }
}

function tooLarge(): Answer {
  return restJsonError(new ServiceError(413, 'RequestTooLargeException', `The request body exceeds ${MAX_BODY_BYTES} bytes.`));
}

// The part of a response both HTTP versions share; their full types differ in overloads TypeScript cannot unify.
interface ResponseSink {
  writeHead(status: number, headers: OutgoingHttpHeaders): unknown;
  end(body: string): unknown;
}

function write(response: AnyResponse, requestId: string, answer: Answer): void {
  const body = answer.status === 204 ? '' : answer.body;
  (response as ResponseSink).writeHead(answer.status, {
    ...answer.headers,
    'x-amzn-RequestId': requestId,
    'Content-Length': String(Buffer.byteLength(body)),
  });
  (response as ResponseSink).end(body);
}

// Reads the whole body; past the limit it keeps draining (so the client can read the 413) but stores nothing.
function readBody(request: AnyRequest): Promise<Buffer | 'too-large' | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on('end', () => resolve(size > MAX_BODY_BYTES ? 'too-large' : Buffer.concat(chunks)));
    request.on('error', () => resolve(undefined));
    request.on('aborted', () => resolve(undefined));
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
