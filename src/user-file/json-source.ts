import { spellOutForTerminal } from '../control-characters.ts';
import { jsonNestingExceeds } from '../transport/json-answer.ts';
import type { FileProblem } from './file-problem.ts';

export type ParsedJson = { readonly value: unknown; readonly problem: null } | { readonly value: null; readonly problem: FileProblem };

/**
 * Parses a JSON file's text nested at most `maxDepth` levels deep (deeper text overflows the stack
 * of whatever walks the value); a syntax error is placed at its line and column where the parser
 * names its position.
 */
export function parseJsonFile(file: string, text: string, fix: string, maxDepth: number): ParsedJson {
  if (jsonNestingExceeds(text, maxDepth)) return { value: null, problem: { file, line: 0, column: 0, message: `the JSON nests more than ${maxDepth} levels deep`, fix } };
  try {
    return { value: JSON.parse(text) as unknown, problem: null };
  } catch (error) {
    // A file nested deeper than the parser's stack is a RangeError like any other: not this tool's JSON.
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    const position = /at position (\d+)/.exec(message)?.[1];
    const where = position === undefined ? { line: 0, column: 0 } : lineAndColumn(text, Number(position));
    // The parser quotes the text around the error: the file's own characters, spelled out.
    return { value: null, problem: { file, ...where, message: `the file is not valid JSON (${spellOutForTerminal(message.slice(0, 200))})`, fix } };
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}
