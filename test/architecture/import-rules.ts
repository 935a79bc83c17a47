// The layers of docs/ARCHITECTURE.md as data, and the check of a tree of sources against them.
import path from 'node:path';

/**
 * Each part, and the parts it may import from (besides packages). A part is a top-level folder, or a
 * folder inside one with rules of its own; an entry it may import from is a folder or a file.
 */
export const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
  src: ['src'],
  // The checks are read by the judge, the findings, the Pact export and the reporters: they know
  // only the data they judge and the spec, as the cases read it (to say which success answers they
  // attach to), never who reads them.
  'src/checks': ['src/checks', 'src/cases', 'src/spec/types.ts', 'src/pact/pact-file.ts', 'src/results.ts', 'src/transport/types.ts', 'src/json-object.ts'],
  reporters: ['src', 'reporters'],
  cli: ['src', 'reporters', 'reference', 'cli'],
  // The vitest adapter sits above the CLI, which never loads it.
  suites: ['src', 'reporters', 'reference', 'cli', 'suites'],
  reference: ['reference'],
};

/** The pure parts: nothing they load, however indirectly, may do I/O. */
export const PURE = ['src/cases/', 'src/checks/', 'src/judge/', 'src/pact/', 'src/gate/', 'src/diff/', 'src/dashboard/', 'src/findings/', 'src/run-record/', 'src/model/', 'src/drift/', 'src/recording/'];

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
    const part = partOf(file);
    const allowed = MAY_IMPORT[part];
    const loads: string[] = [];
    for (const { specifier, typeOnly } of importsOf(text)) {
      const target = specifier.startsWith('.') ? path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)) : specifier;
      if (specifier.startsWith('.') && allowed !== undefined && !allowed.some((entry) => isWithin(target, entry))) {
        violations.push(`${file} imports ${target}: ${part}/ may import only from ${allowed.join(', ')}`);
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
  for (const circle of importCircles(runtimeImports)) violations.push(`an import circle: ${circle.join(' → ')}`);
  return violations;
}

/** The most specific part a file belongs to: `src/checks` for src/checks/x.ts, `src` for src/judge/x.ts. */
function partOf(file: string): string {
  const parts = Object.keys(MAY_IMPORT).filter((part) => isWithin(file, part));
  return parts.reduce((longest, part) => (part.length > longest.length ? part : longest), file.split('/')[0] ?? '');
}

function isWithin(file: string, entry: string): boolean {
  return file === entry || file.startsWith(`${entry}/`);
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

/**
 * Every circle of imports that load (a circle means that neither module can be loaded, read or moved
 * without the other, and which one runs first depends on who imported first), each once, as the
 * files from its first back to it. Type-only imports are erased and load nothing.
 */
function importCircles(imports: ReadonlyMap<string, readonly string[]>): string[][] {
  const circles: string[][] = [];
  const finished = new Set<string>();
  const onPath: string[] = [];
  const visit = (file: string): void => {
    const back = onPath.indexOf(file);
    if (back !== -1) {
      circles.push([...onPath.slice(back), file]);
      return;
    }
    if (finished.has(file) || !imports.has(file)) return;
    onPath.push(file);
    for (const target of imports.get(file) ?? []) visit(target);
    onPath.pop();
    finished.add(file);
  };
  for (const file of imports.keys()) visit(file);
  return circles;
}
