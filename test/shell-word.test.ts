import { describe, expect, it } from 'vitest';
import { quoted, shellWord } from '../src/shell-word.ts';

describe('shell words', () => {
  it('leaves a word the shell reads as it is, and quotes every other, a quote inside included', () => {
    expect(shellWord('BatchSize/sqs/0#2')).toBe('BatchSize/sqs/0#2');
    expect(shellWord('http://127.0.0.1:5000')).toBe('http://127.0.0.1:5000');
    // At the start, # would make the rest a comment.
    expect(shellWord('#2')).toBe("'#2'");
    expect(shellWord("it's odd")).toBe(`'it'\\''s odd'`);
    expect(shellWord('$HOME')).toBe("'$HOME'");
    expect(quoted('')).toBe("''");
  });
});
