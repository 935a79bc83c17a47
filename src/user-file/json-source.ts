import type { FileProblem } from './file-problem.ts';

export type ParsedJson = { readonly value: unknown; readonly problem: null } | { readonly value: null; readonly problem: FileProblem };

/** Parses a JSON file's text; a syntax error is placed at its line and column where the parser names its position. */
export function parseJsonFile(file: string, text: string, fix: string): ParsedJson {
  try {
    return { value: JSON.parse(text) as unknown, problem: null };
  } catch (error) {
    // A file nested deeper than the parser's stack is a RangeError like any other: not this tool's JSON.
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    const position = /at position (\d+)/.exec(message)?.[1];
    const where = position === undefined ? { line: 0, column: 0 } : lineAndColumn(text, Number(position));
    return { value: null, problem: { file, ...where, message: `the file is not valid JSON (${message.slice(0, 200)})`, fix } };
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}
