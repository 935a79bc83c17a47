export async function main(argv: readonly string[]): Promise<number> {
  process.stderr.write(`lambda-esm-conformance: not yet implemented (${argv.join(' ')})\n`);
  return 2;
}
