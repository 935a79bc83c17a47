// An identifier (a case id, a finding id, a check name, a clause) wraps only between its parts,
// never inside a word: "BatchSize/kinesis/10" at its slashes, "status_code_conformance" at its
// underscores, "StartingPosition.AT_TIMESTAMP" at its dots (a hyphen is a break a browser knows).
import { escapeHtml as html } from '../html-escape.ts';

/** The text escaped, with a `<wbr>` after each `/`, `.` and `_`, where it may wrap. */
export function breakable(text: string): string {
  return html(text).replace(/[/._]/g, '$&<wbr>');
}
