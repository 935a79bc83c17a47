import type { IncomingHttpHeaders } from 'node:http';

// One request as the handlers see it: already read in full, with the facts every service needs
// (the region from the SigV4 scope, the request id that goes back in x-amzn-RequestId).
export interface IncomingCall {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  readonly region: string;
  readonly requestId: string;
  // The Host header, so that URLs the server hands out (SQS queue URLs) point back at it.
  readonly host: string;
}

// What a handler answers. The server adds x-amzn-RequestId and Content-Length when it writes it.
export interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
