// The two crossings between the CLI's process and the vitest worker that runs the suite: the
// RunPlan goes in through vitest's provide/inject, and each judged CaseResult comes back on its
// test's meta, where the reporters read it. Every side imports this file, so both are typed.
import type { CaseResult } from '../src/results.ts';
import type { RunPlan } from '../src/runner/run-plan.ts';

declare module 'vitest' {
  interface ProvidedContext {
    plan: RunPlan;
  }
  interface TaskMeta {
    /** The judged case; absent when the test failed before judging. */
    result?: CaseResult;
  }
}

export {};
