import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { SpecProblem } from './spec-error.ts';

/** A parsed YAML file that can still tell where each value came from. */
export interface YamlSource {
  readonly file: string;
  readonly value: unknown;
  /** The 1-based line and column of the value (or, with `key`, of that key) at a JSON path. */
  locate(path: readonly string[], key?: string): { line: number; column: number };
}

type ParsedYaml = { source: YamlSource; problems: [] } | { source: null; problems: SpecProblem[] };

export function parseYaml(file: string, text: string): ParsedYaml {
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
          fix: 'correct the YAML at that position (indentation, quoting, a missing colon or a repeated key)',
        };
      }),
    };
  }
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  return {
    problems: [],
    source: {
      file,
      value: document.toJS(),
      locate: (path, key) => at(offsetOf(document, path, key)),
    },
  };
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
