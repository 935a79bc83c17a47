// Text a target chooses (an error type, a message, a value it echoes) is cut to a fixed length
// wherever it is kept, so that what a case holds is bounded however often it runs.

/** AWS's error types are under 64 characters; a longer one is cut here. */
export const MAX_ERROR_TYPE_LENGTH = 128;

/** A reason, an error message: long enough for any honest one, short enough that 20 per case stay small. */
export const MAX_MESSAGE_LENGTH = 1024;

/** `text` whole when it fits in `limit` characters, else its first `limit` and its original length. */
export function cutToLength(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit)}… (${text.length} characters)`;
}
