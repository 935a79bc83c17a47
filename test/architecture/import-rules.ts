// The layers of docs/ARCHITECTURE.md as data, and the check of a tree of sources against them.
import path from 'node:path';

/** Each top-level part, and the parts it may import from (besides packages). */
export const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
  src: ['src'],
  fixtures: ['src', 'fixtures'],
  reporters: ['src', 'reporters'],
  cli: ['src', 'fixtures', 'reporters', 'reference', 'cli'],
  // The vitest adapter sits above the CLI, which never loads it.
  suites: ['src', 'fixtures', 'reporters', 'reference', 'cli', 'suites'],
  reference: ['reference'],
};

/** The pure parts: nothing they load, however indirectly, may do I/O. */
export const PURE = ['src/cases/', 'src/judge/', 'src/pact/', 'src/gate/', 'src/diff/', 'src/findings/'];

/** Modules that reach the network, the file system, processes or threads. */
const IO_MODULE = /^(node:)?(fs|fs\/promises|net|http|https|http2|tls|dgram|dns|child_process|worker_threads|cluster)$|^undici$|^@aws-sdk\/|^@smithy\/node-http-handler$|^vitest/;

export interface ImportFact {
  readonly specifier: string;
  /** `import type …` and `export type …` are erased: they load nothing. */
  readonly typeOnly: boolean;
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

export function importsOf(source: string): ImportFact[] {
  const facts: ImportFact[] = [];
  for (const match of source.matchAll(IMPORT)) {
    const specifier = match[3] ?? match[4];
    if (specifier !== undefined) facts.push({ specifier, typeOnly: match[2] !== undefined });
  }
  return facts;
}

/** Every broken rule in a tree of sources (relative paths to their text), as sentences. */
export function importViolations(files: ReadonlyMap<string, string>): string[] {
  const violations: string[] = [];
  const runtimeImports = new Map<string, string[]>();
  for (const [file, text] of files) {
    const part = file.split('/')[0] ?? '';
    const allowed = MAY_IMPORT[part];
    const loads: string[] = [];
    for (const { specifier, typeOnly } of importsOf(text)) {
      const target = specifier.startsWith('.') ? path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)) : specifier;
      if (specifier.startsWith('.')) {
        const targetPart = target.split('/')[0] ?? '';
        if (allowed !== undefined && !allowed.includes(targetPart)) violations.push(`${file} imports ${target}: ${part}/ may import only from ${allowed.join(', ')}`);
      }
      if (!typeOnly) loads.push(target);
    }
    runtimeImports.set(file, loads);
  }
  for (const file of files.keys()) {
    if (!PURE.some((prefix) => file.startsWith(prefix))) continue;
    const chain = ioChain(file, runtimeImports, new Set());
    if (chain !== null) violations.push(`${file} is pure but loads I/O: ${chain.join(' → ')}`);
  }
  return violations;
}

function ioChain(file: string, runtimeImports: ReadonlyMap<string, readonly string[]>, seen: Set<string>): string[] | null {
  if (seen.has(file)) return null;
  seen.add(file);
  for (const target of runtimeImports.get(file) ?? []) {
    if (IO_MODULE.test(target)) return [file, target];
    const deeper = ioChain(target, runtimeImports, seen);
    if (deeper !== null) return [file, ...deeper];
  }
  return null;
}
