// What a transport does when not told otherwise; also the CLI's defaults for --concurrency and
// --timeout. Kept free of imports so that the CLI's help text can show them without loading HTTP.

/** Requests in flight at once through one target. */
export const DEFAULT_CONCURRENCY = 8;
/** Per attempt, covering connect, headers and body. */
export const DEFAULT_TIMEOUT_MS = 10_000;
