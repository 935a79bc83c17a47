import { spellOutForbiddenCharacters } from '../src/control-characters.ts';

/**
 * Text or a double- or single-quoted attribute value in HTML. Everything in a report that came from
 * a spec or a target goes through here: a response body is attacker-controlled as far as the
 * reader's browser is concerned. Control characters are spelled out as in the XML report.
 */
export function escapeHtml(text: string): string {
  return spellOutForbiddenCharacters(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
