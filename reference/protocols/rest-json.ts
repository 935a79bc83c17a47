import type { Answer } from '../exchange.ts';
import type { ServiceError } from '../service-error.ts';

// Lambda speaks restJson1: the error name travels in the x-amzn-ErrorType header, the body carries
// Type ("User" for the caller's fault, "Service" for ours) and the message.
const JSON_CONTENT_TYPE = 'application/json';

// AWS's Lambda model spells the message member `Message` on these two errors and `message` on the rest;
// SDKs read the member their model names, so the server must match it exactly.
const CAPITALISED_MESSAGE = new Set(['ResourceNotFoundException', 'ServiceException']);

export function restJsonAnswer(status: number, payload?: unknown): Answer {
  return {
    status,
    headers: payload === undefined ? {} : { 'Content-Type': JSON_CONTENT_TYPE },
    body: payload === undefined ? '' : JSON.stringify(payload),
  };
}

export function restJsonError(error: ServiceError): Answer {
  const messageMember = CAPITALISED_MESSAGE.has(error.type) ? 'Message' : 'message';
  return {
    status: error.status,
    headers: { 'Content-Type': JSON_CONTENT_TYPE, 'x-amzn-ErrorType': error.type, ...error.extraHeaders },
    body: JSON.stringify({
      Type: error.status >= 500 ? 'Service' : 'User',
      [messageMember]: error.message,
      ...error.extraBody,
    }),
  };
}
