// How an AWS restJson1 client names the error in a response. Pure: the judge reuses it.
//
// Mirrors the AWS SDK for JavaScript v3 (`loadRestJsonErrorCode` in @smithy/core): the
// `x-amzn-errortype` header wins; otherwise the body's `code` property (key matched
// case-insensitively), then its `__type`. The raw value is cut at the first `,` (a header
// repeated by a proxy), then at the first `:` (a trailing URL such as
// `ThrottlingException:http://internal.amazon.com/...`), then everything up to and including
// `#` is dropped (a namespace such as `com.amazonaws.lambda#ThrottlingException`).
import { cutToLength, MAX_ERROR_TYPE_LENGTH } from '../bounded-text.ts';
import { parseJsonObject } from './json-answer.ts';
import type { ObservedResponse } from './types.ts';

export function errorTypeOf(response: ObservedResponse): string | null {
  const header = headerValue(response.headers, 'x-amzn-errortype');
  if (header !== undefined) return sanitizeErrorType(header);

  const body = parseJsonObject(response.body);
  if (body === null) return null;
  const codeKey = Object.keys(body).find((key) => key.toLowerCase() === 'code');
  const code = codeKey === undefined ? undefined : body[codeKey];
  if (typeof code === 'string' || typeof code === 'number') return sanitizeErrorType(String(code));
  const type = body['__type'];
  if (typeof type === 'string' || typeof type === 'number') return sanitizeErrorType(String(type));
  return null;
}

/**
 * The message of an AWS JSON error answer (`message`, or `Message` as some services spell it), or
 * '' when it has none: what tells one refusal of a type from another (a conflict with an operation
 * in progress from a duplicate, IAM not yet propagated from a permission never granted).
 */
export function errorMessageOf(response: ObservedResponse): string {
  const body = parseJsonObject(response.body);
  const message = body?.['message'] ?? body?.['Message'];
  return typeof message === 'string' ? message : '';
}

/** Reduces a raw error type such as `aws.lambda#TooManyRequestsException:http://...` to its short name, cut to MAX_ERROR_TYPE_LENGTH. */
export function sanitizeErrorType(raw: string): string | null {
  let value = raw;
  value = value.split(',')[0] ?? '';
  value = value.split(':')[0] ?? '';
  const hash = value.indexOf('#');
  if (hash >= 0) value = value.slice(hash + 1);
  value = value.trim();
  return value === '' ? null : cutToLength(value, MAX_ERROR_TYPE_LENGTH);
}

function headerValue(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  // ObservedResponse promises lower-case names, but a hand-built response in a test may not.
  const key = Object.keys(headers).find((candidate) => candidate.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}
