#!/usr/bin/env node
// Runs the TypeScript sources compiled once into node_modules/.cache (bin/compiled-main.js), or,
// where no build can be had, straight through tsx: either way there is no build step to run.
import { compiledMain } from './compiled-main.js';

// The AWS SDK warns on every start that its releases after January 2027 need Node 22; the lockfile
// pins a release that runs on Node 20, so the warning says nothing to a user of this tool.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const compiled = await compiledMain();
if (compiled === null) (await import('tsx/esm/api')).register();
const { main, unexpected } = await import(compiled ?? '../cli/main.ts');
// What escapes every handler (an error in a callback, a rejection nobody awaited) is still one sentence, never a stack trace.
const last = (error) => {
  process.stderr.write(`lambda-esm-conformance: ${unexpected(error)}\n`);
  if (process.env.LESM_DEBUG === '1' && error instanceof Error) process.stderr.write(`${error.stack ?? ''}\n`);
  process.exit(2);
};
process.on('uncaughtException', last);
process.on('unhandledRejection', last);
process.exitCode = await main(process.argv.slice(2));
