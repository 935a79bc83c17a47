// Pact's verifier, in a process of its own. Its native core prints its account of the run straight
// to file descriptor 1, where nothing in the parent could mask a credential or spell out a control
// character a target put into an answer; the parent ignores this process's stdout and prints the
// same account from the result instead. Plain JavaScript so that it starts without a TypeScript
// loader: it only hands the options the parent sends first (over IPC: they hold the proxy's token,
// which argv would show to every local user) to the verifier and sends back what the verifier answered.
process.env.PACT_DO_NOT_TRACK = 'true';
// Listening before the import below, which takes a while: the parent sends the options at once.
const received = new Promise((resolve) => process.once('message', resolve));
const { default: pact } = await import('@pact-foundation/pact-core');
pact.logLevel('error');
const options = await received;
let answer;
try {
  answer = { kind: 'result', text: await pact.verifyPacts(options) };
} catch (error) {
  // A failed verification is rejected with the result's JSON as the message; anything else is a crash.
  answer = { kind: 'rejected', text: error instanceof Error ? error.message : String(error) };
}
process.send?.(answer, () => process.exit(0));
