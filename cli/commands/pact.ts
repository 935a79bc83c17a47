import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { toolIdentity } from '../../reporters/tool-identity.ts';
import { generateCases } from '../../src/cases/generate.ts';
import { exportPact, OPEN_QUESTION } from '../../src/pact/export.ts';
import { closestWord } from '../../src/did-you-mean.ts';
import { loadEdition } from '../../src/spec/load.ts';
import { processIo, type CommandIo } from '../io.ts';
import { PACT_EXPORT_FLAGS, pactFileName } from './flag-tables.ts';
import { parseFlags, resolveFlags, UsageError } from './flags.ts';

/** `pact export` and `pact verify`. */
export async function pact(argv: string[], io: CommandIo = processIo): Promise<number> {
  // Pact's core reports usage unless told not to; it runs in a child that inherits this (verifier-child.mjs sets it too).
  process.env['PACT_DO_NOT_TRACK'] = 'true';
  const [subcommand, ...rest] = argv;
  if (subcommand === 'export') return pactExport(rest, io);
  if (subcommand === 'verify') return (await import('../pact/verify.ts')).pactVerify(rest, io);
  const near = subcommand === undefined ? null : closestWord(subcommand, ['export', 'verify']);
  const not = subcommand === undefined ? '' : `, not "pact ${subcommand}"${near === null ? '' : ` (did you mean "pact ${near}"?)`}`;
  throw new UsageError(`pact: say "pact export" or "pact verify"${not}. Run "lambda-esm-conformance pact --help" for their flags.`);
}

async function pactExport(argv: string[], io: CommandIo): Promise<number> {
  const { values: flags } = resolveFlags(PACT_EXPORT_FLAGS, parseFlags('pact export', argv, PACT_EXPORT_FLAGS), process.env);
  const spec = loadEdition(flags.edition);
  const { pact: file, leftOut } = exportPact(generateCases(spec), {
    consumer: flags.consumer,
    provider: flags.provider,
    edition: spec.edition,
    toolVersion: toolIdentity().version,
  });
  const target = path.join(flags.out, pactFileName(flags.consumer, flags.provider));
  await mkdir(flags.out, { recursive: true });
  // Pact tools merge into a file that is already there; an export replaces it.
  await rm(target, { force: true });
  await writeFile(target, `${JSON.stringify(file, null, 2)}\n`);
  io.stderr(`${target}: ${file.interactions.length} interactions of the ${spec.edition} edition, between ${flags.consumer} and ${flags.provider} (Pact specification V4).\n`);
  if (leftOut.length > 0) {
    io.stderr(`${leftOut.length} cases are left out: ${OPEN_QUESTION}:\n`);
    for (const { id, accepts } of leftOut) io.stderr(`  ${id}: ${accepts}\n`);
  }
  io.stdout(`${target}\n`);
  return 0;
}
