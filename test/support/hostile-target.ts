// Hostile targets: the reference server behind an intercepting proxy that misbehaves in one chosen
// way, as a target nobody has vetted might. Everything else is forwarded, so fixtures work and only
// the one misbehaviour is under test. Loopback only.
import { startReferenceServer, type ReferenceServer } from '../../reference/server.ts';
import { credentialSpellings, jsonEscapedEveryCharacter, jsonEscapedSlashes } from './credential-spellings.ts';
import { startInterceptingProxy, write, type Forwarded, type Interference, type RawResponse, type TakenOver } from './intercepting-proxy.ts';

export interface HostileTarget {
  /** The proxy's URL: give it to `run --target`. */
  readonly url: string;
  /** The honest server behind it, to look at what is left. */
  readonly upstream: string;
  /** Operations the proxy saw, in order. */
  readonly seen: readonly string[];
  close(): Promise<void>;
}

/** A misbehaviour: proxy rules keyed by operation (`POST /2015-03-31/functions`, `CreateStream`, …). */
export type Misbehaviour = Readonly<Record<string, Interference>>;

export async function startHostileTarget(misbehaviour: Misbehaviour): Promise<HostileTarget> {
  const server: ReferenceServer = await startReferenceServer();
  const proxy = await startInterceptingProxy(server.url, { ...misbehaviour });
  return {
    url: proxy.url,
    upstream: server.url,
    seen: proxy.seen,
    close: async () => {
      await proxy.close();
      await server.close();
    },
  };
}

const mappings = '/2015-03-31/event-source-mappings';
const CREATE_MAPPING = `POST ${mappings}`;
const GET_MAPPING = `GET ${mappings}`;
const DELETE_MAPPING = `DELETE ${mappings}`;
const CREATE_FUNCTION = 'POST /2015-03-31/functions';

/** The credentials the signed request carried: its access key id and session token. */
function credentialsIn(exchange: TakenOver): { accessKeyId: string; sessionToken: string } {
  const authorization = String(exchange.headers['authorization'] ?? '');
  const accessKeyId = /Credential=([^/,\s]+)\//.exec(authorization)?.[1] ?? '';
  return { accessKeyId, sessionToken: String(exchange.headers['x-amz-security-token'] ?? '') };
}

/** A JSON object's text with members added before its closing brace (or a new object). */
function withMembers(body: Buffer, members: string): string {
  const text = body.toString('utf8').trimEnd();
  if (!text.endsWith('}')) return `{${members}}`;
  return text === '{}' ? `{${members}}` : `${text.slice(0, -1)},${members}}`;
}

function answer(exchange: TakenOver, forwarded: Forwarded, body: string | Buffer, extraHeaders: Record<string, string> = {}): void {
  write(exchange.response, forwarded.status, { ...forwarded.headers, ...extraHeaders }, body);
}

/** Writes `chunk` again and again, minding back-pressure, until the client goes away or `enough` says stop. */
function pour(response: RawResponse, chunk: Buffer, enough: () => boolean = () => false): Promise<void> {
  return new Promise((resolve) => {
    let closed = false;
    response.once('close', () => {
      closed = true;
      resolve();
    });
    const more = (): void => {
      while (!closed && !response.destroyed) {
        if (enough()) {
          response.end();
          return resolve();
        }
        if (!response.write(chunk)) {
          response.once('drain', more);
          return;
        }
      }
    };
    more();
  });
}

export const misbehaviours = {
  /**
   * Echoes the signing credentials in the answer to CreateEventSourceMapping in every spelling the
   * suite promises to mask (credentialSpellings): in body members, in its error type, in header
   * values, and the access key id as a header name.
   */
  echoesCredentialsEscaped: (): Misbehaviour => ({
    [CREATE_MAPPING]: {
      kind: 'take-over',
      answer: async (exchange) => {
        const forwarded = await exchange.forward();
        const { accessKeyId, sessionToken } = credentialsIn(exchange);
        const echoes = Object.entries({ KeyId: accessKeyId, Token: sessionToken }).flatMap(([member, value]) =>
          Object.entries(credentialSpellings(value)).map(([spelling, text]) => `${JSON.stringify(`${member} ${spelling}`)}:"${text}"`),
        );
        const members = [
          ...echoes,
          `"Both":"${jsonEscapedEveryCharacter(accessKeyId)}:${jsonEscapedSlashes(sessionToken)}"`,
          // An error type is read from `code` first: a secret there would reach the verdict's reasons and the console.
          ...(forwarded.status >= 300 ? [`"code":"${Object.values(credentialSpellings(sessionToken)).join(' ')}"`] : []),
        ].join(',');
        // Without the header, the error type is read from `code`.
        const { 'x-amzn-errortype': _errorType, ...kept } = forwarded.headers;
        const headers = {
          'x-echo-token': encodeURIComponent(sessionToken),
          'x-echo-key': jsonEscapedEveryCharacter(accessKeyId),
          'x-echo-named': credentialSpellings(sessionToken)['named references where HTML has them'] ?? '',
          [`x-${accessKeyId}`]: 'named after the key',
        };
        write(exchange.response, forwarded.status, { ...kept, ...headers }, withMembers(forwarded.body, members));
      },
    },
  }),

  /** Answers every CreateEventSourceMapping with an error whose type (in the body, with no header) is `length` characters long. */
  answersHugeErrorTypes: (length: number): Misbehaviour => ({
    [CREATE_MAPPING]: {
      kind: 'take-over',
      answer: async (exchange) => {
        await exchange.forward();
        const type = `InvalidParameterValueException${'X'.repeat(Math.max(0, length - 30))}`;
        write(exchange.response, 400, { 'content-type': 'application/json' }, JSON.stringify({ __type: type, message: "refused" }));
      },
    },
  }),

  /** Answers every CreateEventSourceMapping with a JSON body of `bytes` bytes (the mapping, then padding). */
  answersHugeBodies: (bytes: number): Misbehaviour => ({
    [CREATE_MAPPING]: {
      kind: 'take-over',
      answer: async (exchange) => {
        const forwarded = await exchange.forward();
        const head = withMembers(forwarded.body, '"Padding":"');
        const padding = Math.max(0, bytes - Buffer.byteLength(head) - 2);
        answer(exchange, forwarded, Buffer.concat([Buffer.from(head), Buffer.alloc(padding, 'x'), Buffer.from('"}')]));
      },
    },
  }),

  /** Answers CreateEventSourceMapping 202 (having created it) with a body that never ends. */
  answersEndlessBodies: (): Misbehaviour => ({
    [CREATE_MAPPING]: {
      kind: 'take-over',
      answer: async (exchange) => {
        const forwarded = await exchange.forward();
        exchange.response.writeHead(forwarded.status, { 'content-type': 'application/json' });
        exchange.response.write(withMembers(forwarded.body, '"Padding":"').slice(0, -1));
        await pour(exchange.response, Buffer.alloc(64 * 1024, 'x'));
      },
    },
  }),

  /** Answers CreateEventSourceMapping with its status and an array nested `depth` levels deep. */
  answersDeeplyNested: (depth: number): Misbehaviour => ({
    [CREATE_MAPPING]: {
      kind: 'take-over',
      answer: async (exchange) => {
        const forwarded = await exchange.forward();
        answer(exchange, forwarded, `{"Nested":${'['.repeat(depth)}${']'.repeat(depth)}}`);
      },
    },
  }),

  /** Deletes mappings, but keeps showing every one of them as still there. */
  keepsDeletedMappingsVisible: (): Misbehaviour => ({
    [GET_MAPPING]: {
      kind: 'take-over',
      answer: async (exchange) => {
        const uuid = exchange.url.split('?')[0]?.slice(mappings.length + 1) ?? '';
        if (uuid === '') {
          const forwarded = await exchange.forward();
          return answer(exchange, forwarded, forwarded.body);
        }
        write(exchange.response, 200, { 'content-type': 'application/json' }, JSON.stringify({ UUID: decodeURIComponent(uuid), State: 'Deleting' }));
      },
    },
  }),

  /**
   * Creates mappings but answers without their UUID, so the suite has to list them; the list holds
   * `count` mappings of the run's function that accept deletion and never go away.
   */
  listsMappingsThatNeverGo: (count: number): Misbehaviour => {
    let functionArn = 'arn:aws:lambda:us-east-1:123456789012:function:unknown';
    let eventSourceArn = 'arn:aws:sqs:us-east-1:123456789012:unknown';
    return {
      [CREATE_MAPPING]: {
        kind: 'take-over',
        answer: async (exchange) => {
          const forwarded = await exchange.forward();
          const mapping = JSON.parse(forwarded.body.toString('utf8') || '{}') as Record<string, unknown>;
          if (typeof mapping['FunctionArn'] === 'string') functionArn = mapping['FunctionArn'];
          if (typeof mapping['EventSourceArn'] === 'string') eventSourceArn = mapping['EventSourceArn'];
          delete mapping['UUID'];
          answer(exchange, forwarded, JSON.stringify(mapping));
        },
      },
      [GET_MAPPING]: {
        kind: 'take-over',
        answer: (exchange) => {
          const uuid = exchange.url.split('?')[0]?.slice(mappings.length + 1) ?? '';
          const body =
            uuid === ''
              ? JSON.stringify({ EventSourceMappings: Array.from({ length: count }, (_, index) => ({ UUID: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`, FunctionArn: functionArn, EventSourceArn: eventSourceArn, State: 'Enabled' })) })
              : JSON.stringify({ UUID: decodeURIComponent(uuid), FunctionArn: functionArn, State: 'Deleting' });
          write(exchange.response, 200, { 'content-type': 'application/json' }, body);
        },
      },
      [DELETE_MAPPING]: {
        kind: 'take-over',
        answer: async (exchange) => {
          const forwarded = await exchange.forward();
          const status = forwarded.status === 404 ? 202 : forwarded.status;
          write(exchange.response, status, { 'content-type': 'application/json' }, forwarded.status === 404 ? '{"State":"Deleting"}' : forwarded.body);
        },
      },
    };
  },

  /** Creates the function, then sends the answer's headers and its body one byte at a time, for ever. */
  tricklesCreateFunction: (everyMs: number): Misbehaviour => ({
    [CREATE_FUNCTION]: {
      kind: 'take-over',
      answer: async (exchange) => {
        const forwarded = await exchange.forward();
        exchange.response.writeHead(forwarded.status, { ...forwarded.headers, 'content-length': String(forwarded.body.length) });
        let sent = 0;
        await new Promise<void>((resolve) => {
          const timer = setInterval(() => {
            if (exchange.response.destroyed || sent >= forwarded.body.length - 1) {
              clearInterval(timer);
              return resolve();
            }
            exchange.response.write(forwarded.body.subarray(sent, sent + 1));
            sent += 1;
          }, everyMs);
          exchange.response.once('close', () => {
            clearInterval(timer);
            resolve();
          });
        });
      },
    },
  }),

  /** Never answers CreateEventSourceMapping (nor closes the connection). */
  hangs: (): Misbehaviour => ({ [CREATE_MAPPING]: { kind: 'take-over', answer: () => undefined } }),

  /** Answers with terminal control sequences, bidi overrides and zero-width characters in its error type and body. */
  answersControlSequences: (payload: string): Misbehaviour => ({
    [CREATE_MAPPING]: {
      kind: 'take-over',
      answer: async (exchange) => {
        const forwarded = await exchange.forward();
        const body = forwarded.status >= 300 ? { __type: `InvalidParameterValueException${payload}`, message: payload } : { ...(JSON.parse(forwarded.body.toString('utf8')) as object), FunctionArn: `arn${payload}` };
        const headers: Record<string, string> = { ...forwarded.headers, 'x-note': `\u009b2J\u009d0;retitled\u009c` };
        delete headers['x-amzn-errortype'];
        write(exchange.response, forwarded.status, headers, JSON.stringify(body));
      },
    },
  }),
} as const;
