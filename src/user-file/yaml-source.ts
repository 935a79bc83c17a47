import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { FileProblem } from './file-problem.ts';

/** A parsed YAML file that can still tell where each value came from. */
export interface YamlSource {
  readonly file: string;
  readonly value: unknown;
  /**
   * The 1-based line and column of the value (or, with `key`, of that key) at a JSON path, and the
   * file it stands in when that is not `file` (a value an edition takes from the one it extends).
   */
  locate(path: readonly string[], key?: string): { line: number; column: number; file?: string };
}

export type ParsedYaml = { source: YamlSource; problems: [] } | { source: null; problems: FileProblem[] };

/** Deeper nesting than this is refused before parsing: the parser recurses, and a hostile file can exhaust the stack. */
export const MAX_YAML_NESTING = 64;
/** Aliases a file may expand; a "billion laughs" file expands a few lines into gigabytes. */
export const MAX_YAML_ALIASES = 100;

export function parseYaml(file: string, text: string): ParsedYaml {
  const tooDeep = firstTooDeep(text);
  if (tooDeep !== null) {
    const message = `the YAML nests more than ${MAX_YAML_NESTING} levels deep here`;
    return { source: null, problems: [{ file, ...positionAt(text, tooDeep), message, fix: 'flatten the structure; no file this tool reads needs that depth' }] };
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    return {
      source: null,
      problems: document.errors.map((error) => {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        return {
          file,
          line,
          column: col,
          message: `YAML syntax error: ${firstLine(error.message)}`,
          fix: syntaxFix(error.code),
        };
      }),
    };
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    return {
      source: null,
      problems: [{ file, line: 1, column: 1, message: `the YAML cannot be read: ${firstLine(error instanceof Error ? error.message : String(error))}`, fix: `write the values out instead of expanding aliases (*name) more than ${MAX_YAML_ALIASES} times` }],
    };
  }
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  return { problems: [], source: { file, value, locate: (path, key) => at(offsetOf(document, path, key)) } };
}

/**
 * The offset at which flow brackets ([ {) or block indentation first go deeper than the limit, or
 * null. Quoted text and comments are skipped; an indentation level is counted per two columns,
 * generously, since a file may indent by one.
 */
function firstTooDeep(text: string): number | null {
  let flow = 0;
  let lineStart = true;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (lineStart) {
      let indent = 0;
      while (text[index + indent] === ' ' || text[index + indent] === '-') indent++;
      if (indent > MAX_YAML_NESTING * 2) return index + MAX_YAML_NESTING * 2;
      lineStart = false;
    }
    if (character === '\n') lineStart = true;
    else if (character === '#' && (index === 0 || /\s/.test(text[index - 1] ?? ''))) index = endOfLine(text, index) - 1;
    else if (character === '"' || character === "'") index = endOfQuote(text, index, character);
    else if (character === '[' || character === '{') {
      flow++;
      if (flow > MAX_YAML_NESTING) return index;
    } else if ((character === ']' || character === '}') && flow > 0) flow--;
  }
  return null;
}

function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function endOfLine(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}

function endOfQuote(text: string, open: number, quote: string): number {
  for (let index = open + 1; index < text.length; index++) {
    if (quote === '"' && text[index] === '\\') index++;
    else if (text[index] === quote) {
      if (quote === "'" && text[index + 1] === "'") index++;
      else return index;
    }
  }
  return text.length;
}

function syntaxFix(code: string): string {
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'indent with spaces, not tabs';
    case 'DUPLICATE_KEY':
      return 'keep one line per key';
    case 'MISSING_CHAR':
      return 'close the quote or bracket that starts on or before this line';
    default:
      return 'correct the YAML at that position (indentation, quoting, a missing colon or a repeated key)';
  }
}

function offsetOf(document: Document, path: readonly string[], key: string | undefined): number {
  // Walk up until a node exists: a missing member is best shown at its parent.
  for (let depth = path.length; depth >= 0; depth--) {
    const prefix = path.slice(0, depth);
    const keys = prefix.map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
    const node = (keys.length === 0 ? document.contents : document.getIn(keys, true)) as Node | null | undefined;
    if (node === null || node === undefined || node.range === undefined || node.range === null) continue;
    if (key !== undefined && depth === path.length && isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
      const keyNode = pair?.key as Node | undefined;
      if (keyNode?.range) return keyNode.range[0];
    }
    return node.range[0];
  }
  return 0;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
