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

const typechecking = run(bin('tsc'), ['-p', '.'], { keepOutput: true });
// On a fresh clone the first start of the bin compiles the sources and validates each edition
// (both kept in node_modules/.cache): done once here, rather than by every test that starts the bin
// at once, each doing the same work on the same two cores.
const lambdaEsmConformance = new URL('../bin/lambda-esm-conformance.js', import.meta.url).pathname;
for (const edition of ['seed', 'current']) await run(process.execPath, [lambdaEsmConformance, 'list', '--edition', edition, '--property-runs', '0'], { keepOutput: true });
const tests = await run(bin('vitest'), ['run', ...process.argv.slice(2)], { keepOutput: false });
const typecheck = await typechecking;
process.stdout.write(typecheck.code === 0 ? '\nType check (tsc): no errors\n' : `\nType check (tsc) failed:\n${typecheck.output}`);
process.exitCode = tests.code !== 0 ? tests.code : typecheck.code;
