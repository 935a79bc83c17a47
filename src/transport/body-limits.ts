// What the suite reads of an answer's body, whatever the target sends: a bounded head, the rest
// only counted, and nothing at all past a ceiling. A target cannot make a run hold more.
import { StringDecoder } from 'node:string_decoder';
import { redactSecrets } from './redact.ts';
import type { BodyTruncation } from './types.ts';

/** The head of a body the suite keeps, judges and reports. Real answers are a few hundred bytes. */
export const MAX_BODY_HEAD_BYTES = 64 * 1024;

/** Past this many bytes the suite stops reading a body (and closes the connection). */
export const MAX_BODY_READ_BYTES = 32 * 1024 * 1024;

// The longest spelling of one character that redaction recognises (`%F0%9F%98%80`, `\uD83D\uDE00`).
const LONGEST_SPELLING_PER_CHARACTER = 12;

export interface BodyHead {
  readonly text: string;
  /** Absent when `text` is the whole body. */
  readonly truncated?: BodyTruncation;
}

/**
 * Reads a body, keeping its head and counting the rest. A secret spelled across the place where the
 * head is cut would survive redaction in part, so a margin past the head is read as well, the
 * whole is redacted, and only then is the head cut, short of the margin.
 */
export async function readBodyHead(body: AsyncIterable<Buffer> & { destroy(): unknown }, secrets: readonly string[]): Promise<BodyHead> {
  const margin = Math.max(0, ...secrets.map((secret) => secret.length)) * LONGEST_SPELLING_PER_CHARACTER;
  const keep = MAX_BODY_HEAD_BYTES + margin;
  const kept: Buffer[] = [];
  let keptBytes = 0;
  let receivedBytes = 0;
  let complete = true;
  for await (const chunk of body) {
    receivedBytes += chunk.length;
    if (keptBytes < keep) {
      // A copy, so that the rest of a large chunk is not held through a view of it.
      const part = Buffer.from(chunk.subarray(0, keep - keptBytes));
      kept.push(part);
      keptBytes += part.length;
    }
    if (receivedBytes > MAX_BODY_READ_BYTES) {
      complete = false;
      body.destroy();
      break;
    }
  }
  const decoder = new StringDecoder('utf8');
  const whole = Buffer.concat(kept);
  if (receivedBytes <= MAX_BODY_HEAD_BYTES) return { text: decoder.write(whole) + decoder.end() };
  // A character cut in two at the end of what was kept is left out (no end() call).
  const redacted = redactSecrets(decoder.write(whole), secrets);
  const cut = Buffer.from(redacted.slice(0, Math.max(0, redacted.length - margin)), 'utf8');
  const text = new StringDecoder('utf8').write(cut.subarray(0, MAX_BODY_HEAD_BYTES));
  return { text, truncated: { keptBytes: Buffer.byteLength(text), receivedBytes, complete } };
}
