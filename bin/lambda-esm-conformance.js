#!/usr/bin/env node
// Runs straight from the TypeScript sources: tsx is a runtime dependency, so there is no build step.
import { register } from 'tsx/esm/api';

// The AWS SDK warns on every start that its releases after January 2027 need Node 22; the lockfile
// pins a release that runs on Node 20, so the warning says nothing to a user of this tool.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
