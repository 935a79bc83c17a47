// The command compiled to JavaScript once and kept until a source changes. Loading the sources
// through tsx costs most of a second at every start, mostly because every module, node_modules
// included, then passes through its loader hooks (npm run bench: 0.9 s to the first request
// instead of 0.45 s). Nothing compiled is committed: the build lives in node_modules/.cache, is
// made by the first command that finds none matching the sources (about 0.2 s), and every start
// checks it against the sources' contents, so it cannot drift from them.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const cacheDir = path.join(root, 'node_modules', '.cache', 'lambda-esm-conformance');
// One pointer per clone: a node_modules shared by two clones (a link) keeps a build for each.
const pointerFile = path.join(cacheDir, `current-${hashOf(root).slice(0, 12)}.json`);
/** A build no pointer names is deleted this long after it was made: a command started from it has long ended. */
const STALE_BUILD_MS = 24 * 60 * 60 * 1000;

/**
 * The URL of cli/main compiled from the sources as they are now, built if need be; null where no
 * build can be had (esbuild missing, a read-only install, a source that does not compile): the
 * caller then runs the sources through tsx, which also says what does not compile.
 */
export async function compiledMain() {
  try {
    const build = currentBuild() ?? (await newBuild());
    return pathToFileURL(path.join(build, 'cli', 'main.mjs')).href;
  } catch (error) {
    if (process.env.LESM_DEBUG === '1') process.stderr.write(`lambda-esm-conformance: running the sources through tsx (${String(error)})\n`);
    return null;
  }
}

/** The build the pointer names, if every source it was made from is unchanged. */
function currentBuild() {
  let pointer;
  try {
    pointer = JSON.parse(readFileSync(pointerFile, 'utf8'));
  } catch {
    return null;
  }
  for (const [source, hash] of Object.entries(pointer.inputs)) {
    let text;
    try {
      text = readFileSync(path.join(root, source));
    } catch {
      return null;
    }
    if (hashOf(text) !== hash) return null;
  }
  return path.join(cacheDir, pointer.build);
}

async function newBuild() {
  const { build } = await import('esbuild');
  const name = `build-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
  const outdir = path.join(cacheDir, name);
  mkdirSync(cacheDir, { recursive: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: { 'cli/main': 'cli/main.ts' },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    metafile: true,
    logLevel: 'silent',
    plugins: [sourcePlaces],
  });
  const inputs = Object.fromEntries(Object.keys(result.metafile.inputs).map((source) => [source, hashOf(readFileSync(path.join(root, source)))]));
  // Written whole or not at all: a command starting meanwhile reads the old pointer or the new one.
  const written = `${pointerFile}.${randomBytes(4).toString('hex')}`;
  writeFileSync(written, JSON.stringify({ build: name, inputs }));
  renameSync(written, pointerFile);
  deleteStaleBuilds(name);
  return outdir;
}

/**
 * Every module keeps the URL of its source as import.meta.url, so that what it finds beside
 * itself (package.json, specs/, cli/pact/verifier-child.mjs) is found in the clone as before.
 */
const sourcePlaces = {
  name: 'source-places',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => ({
      loader: 'ts',
      contents: readFileSync(args.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
    }));
  },
};

function deleteStaleBuilds(keep) {
  const named = new Set(
    readdirSync(cacheDir)
      .filter((file) => file.startsWith('current-') && file.endsWith('.json'))
      .map((file) => {
        try {
          return JSON.parse(readFileSync(path.join(cacheDir, file), 'utf8')).build;
        } catch {
          return null;
        }
      }),
  );
  for (const entry of readdirSync(cacheDir)) {
    if (!entry.startsWith('build-') || entry === keep || named.has(entry)) continue;
    const folder = path.join(cacheDir, entry);
    if (Date.now() - statSync(folder).mtimeMs > STALE_BUILD_MS) rmSync(folder, { recursive: true, force: true });
  }
}

function hashOf(content) {
  return createHash('sha256').update(content).digest('hex');
}
