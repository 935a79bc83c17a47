// The crossings between the CLI's process and the vitest worker that runs the suite: the plan goes
// in through vitest's provide/inject, the fixtures follow on a BroadcastChannel the plan names
// (the worker starts while they are being made), and each judged CaseResult comes back on its
// test's meta, where the reporters read it. Every side imports this file, so all are typed.
import { BroadcastChannel } from 'node:worker_threads';
import type { CaseResult } from '../src/results.ts';
import type { RunPlan } from '../src/runner/run-plan.ts';

/** What the fixtures add to the plan once they exist. */
export type HandedFixtures = Pick<RunPlan, 'fixtures' | 'missingFixtures'>;

/** The plan as the worker gets it at its start: the fixtures, still being made, come on `fixtureChannel`. */
export type ProvidedPlan = Omit<RunPlan, keyof HandedFixtures> & {
  /** The name of the BroadcastChannel the CLI answers on, one per run. */
  readonly fixtureChannel: string;
};

declare module 'vitest' {
  interface ProvidedContext {
    plan: ProvidedPlan;
  }
  interface TaskMeta {
    /** The judged case; absent when the test failed before judging. */
    result?: CaseResult;
  }
}

/**
 * The worker asks, and the CLI answers once it can: a message sent before the other side has
 * opened its channel would be lost, and the worker's asking proves it is listening. `fixtures`
 * null: the run ended before any case (the checks before the first case refused, the fixtures
 * could not be made, a signal), and nothing is judged.
 */
type FixtureMessage = { readonly kind: 'ask' } | { readonly kind: 'answer'; readonly fixtures: HandedFixtures | null };

/** The worker's side: the fixtures, or null when the run ends before its first case. */
export function fixturesFromCli(channelName: string): Promise<HandedFixtures | null> {
  const channel = new BroadcastChannel(channelName);
  return new Promise((resolve) => {
    channel.onmessage = (event) => {
      const message = event.data as FixtureMessage;
      if (message.kind !== 'answer') return;
      channel.close();
      resolve(message.fixtures);
    };
    channel.postMessage({ kind: 'ask' } satisfies FixtureMessage);
  });
}

export interface FixtureAnswer {
  readonly channelName: string;
  /** Answers the worker, now if it has asked or else when it does; only the first answer counts. */
  answer(fixtures: HandedFixtures | null): void;
  close(): void;
}

/** The CLI's side, opened before the worker starts. */
export function answerFixtures(channelName: string): FixtureAnswer {
  const channel = new BroadcastChannel(channelName);
  let asked = false;
  let answer: FixtureMessage | undefined;
  const send = (): void => {
    if (asked && answer !== undefined) channel.postMessage(answer);
  };
  channel.onmessage = (event) => {
    if ((event.data as FixtureMessage).kind !== 'ask') return;
    asked = true;
    send();
  };
  return {
    channelName,
    answer(fixtures) {
      answer ??= { kind: 'answer', fixtures };
      send();
    },
    close: () => channel.close(),
  };
}
