// The JUnit tests lean on support/xml.ts to say "well-formed": it must itself refuse what is not.
import { describe, expect, it } from 'vitest';
import { attributeOf, descendants, parseXml, textOf } from './support/xml.ts';

describe('the strict XML parser used by the JUnit tests', () => {
  it('reads elements, attributes, entities and character references', () => {
    const root = parseXml('<?xml version="1.0"?>\n<a x="1 &amp; &#10;2"><b>t &lt;&#x263A;&gt;</b><b/><![CDATA[<raw>]]></a>\n');
    expect(root.name).toBe('a');
    expect(attributeOf(root, 'x')).toBe('1 & \n2');
    expect(descendants(root, 'b')).toHaveLength(2);
    expect(textOf(root)).toBe('t <☺><raw>');
  });

  it.each([
    ['a bare <', '<a>1 < 2</a>'],
    ['a bare &', '<a>fish & chips</a>'],
    ['an unknown entity', '<a>&nbsp;</a>'],
    ['a NUL character', '<a>\u0000</a>'],
    ['a vertical tab', '<a>\u000B</a>'],
    ['a reference to a forbidden character', '<a>&#0;</a>'],
    [']]> in text', '<a>x ]]> y</a>'],
    ['mismatched tags', '<a><b></a></b>'],
    ['an unclosed element', '<a><b></b>'],
    ['a duplicate attribute', '<a x="1" x="2"/>'],
    ['an unquoted attribute', '<a x=1/>'],
    ['< in an attribute', '<a x="<"/>'],
    ['two roots', '<a/><b/>'],
  ])('rejects %s', (_what, xml) => {
    expect(() => parseXml(xml)).toThrow();
  });
});
