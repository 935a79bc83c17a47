// Runs Pact's verifier in a child process (verifier-child.mjs says why) and hands back what it answered.
import { fork } from 'node:child_process';

export interface VerifierOptions {
  readonly pactFile: string;
  /** Where the verifier sends each interaction's request. */
  readonly providerBaseUrl: string;
  /** Where it posts provider-state changes (setup and teardown, with the state's params in the body). */
  readonly stateUrl: string;
  /** Per request, state changes included. */
  readonly timeoutMs: number;
}

export type VerifierAnswer = { readonly kind: 'result' | 'rejected'; readonly text: string } | { readonly kind: 'crash'; readonly text: string };

/** How much of the child's stderr a crash report quotes. */
const STDERR_KEPT = 4_000;

export function runVerifier(options: VerifierOptions, signal?: AbortSignal): Promise<VerifierAnswer> {
  // The options go over IPC, not in argv: the proxy's URL carries the token that lets a request through it.
  const child = fork(new URL('./verifier-child.mjs', import.meta.url).pathname, [], {
    execArgv: [],
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    env: verifierEnvironment(process.env),
    ...(signal !== undefined && { signal }),
  });
  child.send({
    pactUrls: [options.pactFile],
    providerBaseUrl: options.providerBaseUrl,
    providerStatesSetupUrl: options.stateUrl,
    timeout: options.timeoutMs,
    logLevel: 'error',
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    if (stderr.length < STDERR_KEPT) stderr = `${stderr}${chunk}`.slice(0, STDERR_KEPT);
  });
  return new Promise((resolve) => {
    let answer: VerifierAnswer | undefined;
    child.on('message', (message: unknown) => {
      const sent = message as { kind?: unknown; text?: unknown };
      if ((sent.kind === 'result' || sent.kind === 'rejected') && typeof sent.text === 'string') answer = { kind: sent.kind, text: sent.text };
    });
    child.on('error', (error) => {
      answer ??= { kind: 'crash', text: error.message };
    });
    child.on('close', (code, killedBy) => {
      resolve(answer ?? { kind: 'crash', text: `the verifier ended (${killedBy ?? `exit code ${code}`}) without an answer${stderr.trim() === '' ? '' : `: ${stderr.trim()}`}` });
    });
  });
}

/**
 * The verifier signs nothing (the proxy does), so it gets no credential: nothing a compromised or
 * verbose verifier could print or send. Only what a process needs to start and find its files.
 */
export function verifierEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const kept = Object.entries(env).filter(([name]) => !/^AWS_|SECRET|TOKEN|PASSWORD|CREDENTIAL/i.test(name));
  return { ...Object.fromEntries(kept), PACT_DO_NOT_TRACK: 'true' };
}
