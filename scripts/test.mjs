// `npm test`: the type check and the tests side by side, failing if either fails. tsc is one
// process on one core, and the tests spend much of their time waiting on servers and child
// processes, so on a 2-core machine running them one after the other only added the type check's
// time to the wall time. Arguments go to vitest (`npm test -- test/run`).
import { spawn } from 'node:child_process';

const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname;

/** Runs a command; its output is passed through, or kept to be printed once the tests are done. */
function run(command, args, { keepOutput }) {
  const child = spawn(command, args, { stdio: ['ignore', keepOutput ? 'pipe' : 'inherit', keepOutput ? 'pipe' : 'inherit'] });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk) => (output += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => {
    child.on('error', (error) => resolve({ code: 1, output: `${command} could not start: ${error.message}\n` }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal === null ? 1 : 128), output }));
  });
}

const [typecheck, tests] = await Promise.all([
  run(bin('tsc'), ['-p', '.'], { keepOutput: true }),
  run(bin('vitest'), ['run', ...process.argv.slice(2)], { keepOutput: false }),
]);
process.stdout.write(typecheck.code === 0 ? '\nType check (tsc): no errors\n' : `\nType check (tsc) failed:\n${typecheck.output}`);
process.exitCode = tests.code !== 0 ? tests.code : typecheck.code;
