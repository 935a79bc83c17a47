import { spellOutForbiddenCharacters } from '../src/control-characters.ts';

/** Text content of an XML element. */
export function escapeXmlText(text: string): string {
  return spellOutForbiddenCharacters(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * An XML attribute value in double quotes. Tab, newline and carriage return are written as
 * character references because a parser normalises literal ones in attributes to spaces.
 */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}
