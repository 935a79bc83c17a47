import { defineCheck } from './check.ts';
import { escapeRegex } from './regex.ts';
import { wrongAnswer } from './wording.ts';

/**
 * A refusal's error type, read as AWS's restJson1 clients read it, is one the case accepts for its
 * status. Judged in src/judge/status-and-type.ts, with the status.
 */
export const errorType = defineCheck({
  name: 'error_type_conformance',
  level: 2,
  wording: { prefix: 'type', headline: wrongAnswer },
  pact: { frame: 'error-type header', explains: (mismatch) => mismatch.type === 'HeaderMismatch' && (mismatch.path === null || mismatch.path === ERROR_TYPE_HEADER) },
});

/** The header AWS restJson1 services name their errors in. */
export const ERROR_TYPE_HEADER = 'x-amzn-errortype';

/**
 * The error type as AWS's clients read it from the header (src/transport/error-type.ts): a
 * namespace before `#`, a URL after `:` and a repeated value after `,` are allowed around it.
 */
export function errorTypePattern(errorTypes: readonly string[]): string {
  return `^\\s*(?:[^,:#]*#)?(?:${errorTypes.map(escapeRegex).join('|')})\\s*(?::[^,]*)?(?:,.*)?$`;
}
