import { describe, expect, it } from 'vitest';
import { documentationText } from '../../src/model/documentation-text.ts';

// The expected texts are what Python's html.unescape and `\s` gave (the reading the current edition's
// document was first extracted with), checked by hand with python3 3.11.
describe('documentationText', () => {
  it('drops tags, decodes references as HTML does, and puts the text on one line', () => {
    expect(documentationText('<p>Max 10,000 <code>x</code> .</p>\n<ul><li>\u2013 &quot;a&quot;</li></ul>')).toBe('Max 10,000 x. \u2013 "a"');
  });

  it('reads numeric references 0x80-0x9F as windows-1252, refuses surrogates and noncharacters, and reads legacy names bare', () => {
    expect(documentationText('a &amp;&lt;&gt &#x80; &#150; &#0; &#xD800; &#1114112; &#11; &notit; &copy &AMP &#65 x\u00a0 y\u001c z\ufeff')).toBe(
      'a &<> \u20ac \u2013 \ufffd \ufffd \ufffd \u00acit; \u00a9 & A x y z\ufeff',
    );
  });
});
