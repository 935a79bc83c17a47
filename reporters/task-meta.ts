// The one channel from a conformance test (in a vitest worker) to the reporters (in the main
// process): the suite sets `task.meta.result`, vitest serialises it, the reporter reads
// `testCase.meta().result`. Both sides import this file so the field is typed on both.
import type { CaseResult } from '../src/results.ts';

declare module 'vitest' {
  interface TaskMeta {
    /** The judged case; absent when the test failed before judging. */
    result?: CaseResult;
  }
}

export {};
