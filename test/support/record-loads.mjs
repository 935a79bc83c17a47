// Preloaded into a child CLI (`node --import`): appends the URL of every module the process loads,
// one a line, to the file LESM_LOADS_FILE names (module hooks run on a thread of their own, so the
// file is written from there).
import { register } from 'node:module';

register('./record-loads-hooks.mjs', import.meta.url, { data: { file: process.env.LESM_LOADS_FILE } });
