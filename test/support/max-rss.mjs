// Preloaded into a child CLI (`node --import`): records the process's peak resident set size, in
// kilobytes, into the file LESM_MAX_RSS_FILE names, however the process ends (a signal handler's
// process.exit included).
import { writeFileSync } from 'node:fs';

const file = process.env.LESM_MAX_RSS_FILE;
if (file !== undefined && file !== '') {
  process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
}
