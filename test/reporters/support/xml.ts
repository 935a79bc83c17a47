// A small, strict XML 1.0 well-formedness parser for the JUnit tests: rejects characters XML
// forbids, unknown entities, bare `<` and `&`, `]]>` in text, mismatched or duplicate tags and
// attributes, and anything after the root. Small enough to trust by reading; tested in xml.test.ts.

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly (XmlElement | string)[];
}

export class XmlError extends Error {}

const NAME = /^[A-Za-z_:][\w.:-]*/;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

export function parseXml(source: string): XmlElement {
  for (const character of source) {
    const code = character.codePointAt(0) ?? 0;
    if (!isXmlChar(code)) throw new XmlError(`character U+${code.toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML 1.0`);
  }
  let position = 0;
  const fail = (message: string): never => {
    throw new XmlError(`${message} at offset ${position}: ${JSON.stringify(source.slice(position, position + 30))}`);
  };
  const skipSpace = (): void => {
    while (position < source.length && /\s/.test(source[position] ?? '')) position += 1;
  };
  const skipMisc = (): void => {
    for (;;) {
      skipSpace();
      if (source.startsWith('<!--', position)) {
        const end = source.indexOf('-->', position + 4);
        if (end < 0) fail('unterminated comment');
        position = end + 3;
      } else return;
    }
  };
  const decode = (text: string, where: string): string =>
    text.replace(/&([^;]*);?/g, (whole, body: string) => {
      if (!whole.endsWith(';')) fail(`bare & in ${where}`);
      if (body.startsWith('#')) {
        const code = body.startsWith('#x') ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
        if (!/^#(x[0-9a-fA-F]+|[0-9]+)$/.test(body) || !isXmlChar(code)) fail(`bad character reference &${body}; in ${where}`);
        return String.fromCodePoint(code);
      }
      const value = PREDEFINED[body];
      if (value === undefined) return fail(`unknown entity &${body}; in ${where}`);
      return value;
    });

  const element = (): XmlElement => {
    if (source[position] !== '<') fail('expected <');
    position += 1;
    const name = NAME.exec(source.slice(position))?.[0] ?? fail('expected an element name');
    position += name.length;
    const attributes: Record<string, string> = {};
    for (;;) {
      const before = position;
      skipSpace();
      if (source.startsWith('/>', position)) {
        position += 2;
        return { name, attributes, children: [] };
      }
      if (source[position] === '>') {
        position += 1;
        break;
      }
      if (before === position) fail('expected whitespace before an attribute');
      const attribute = NAME.exec(source.slice(position))?.[0] ?? fail('expected an attribute name');
      position += attribute.length;
      skipSpace();
      if (source[position] !== '=') fail('expected =');
      position += 1;
      skipSpace();
      const quote = source[position];
      if (quote !== '"' && quote !== "'") fail('expected a quoted attribute value');
      const end = source.indexOf(quote as string, position + 1);
      if (end < 0) fail('unterminated attribute value');
      const raw = source.slice(position + 1, end);
      if (raw.includes('<')) fail('< in an attribute value');
      if (Object.hasOwn(attributes, attribute)) fail(`duplicate attribute ${attribute}`);
      // Attribute-value normalisation: literal whitespace characters become spaces.
      attributes[attribute] = decode(raw.replace(/[\t\n\r]/g, ' '), `attribute ${attribute}`);
      position = end + 1;
    }
    const children: (XmlElement | string)[] = [];
    for (;;) {
      if (position >= source.length) fail(`unclosed <${name}>`);
      if (source.startsWith('</', position)) {
        position += 2;
        if (!source.startsWith(name, position)) fail(`expected </${name}>`);
        position += name.length;
        skipSpace();
        if (source[position] !== '>') fail('expected >');
        position += 1;
        return { name, attributes, children };
      }
      if (source.startsWith('<![CDATA[', position)) {
        const end = source.indexOf(']]>', position);
        if (end < 0) fail('unterminated CDATA');
        children.push(source.slice(position + 9, end));
        position = end + 3;
      } else if (source.startsWith('<!--', position)) {
        const end = source.indexOf('-->', position + 4);
        if (end < 0) fail('unterminated comment');
        position = end + 3;
      } else if (source[position] === '<') {
        children.push(element());
      } else {
        const next = source.indexOf('<', position);
        const raw = source.slice(position, next < 0 ? source.length : next);
        if (raw.includes(']]>')) fail(']]> in text');
        children.push(decode(raw, `<${name}> text`));
        position += raw.length;
      }
    }
  };

  if (source.startsWith('<?xml')) {
    const end = source.indexOf('?>');
    if (end < 0) fail('unterminated XML declaration');
    position = end + 2;
  }
  skipMisc();
  const root = element();
  skipMisc();
  if (position !== source.length) fail('content after the root element');
  return root;
}

/** Every descendant element (depth first) with that name. */
export function descendants(element: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const child of element.children) {
    if (typeof child === 'string') continue;
    if (child.name === name) found.push(child);
    found.push(...descendants(child, name));
  }
  return found;
}

/** The element's text, its descendants' included. */
export function textOf(element: XmlElement): string {
  return element.children.map((child) => (typeof child === 'string' ? child : textOf(child))).join('');
}

export function attributeOf(element: XmlElement, name: string): string {
  const value = element.attributes[name];
  if (value === undefined) throw new XmlError(`<${element.name}> has no attribute ${name}`);
  return value;
}
