import { describe, expect, it } from 'vitest';
import { flagHelp, parseFlags, resolveFlags, UsageError, type FlagTable } from '../../cli/commands/flags.ts';

const table = {
  endpoint: { type: 'string', value: 'URL', env: ['FIRST_URL', 'SECOND_URL'], otherwise: 'none at all', help: 'where to go' },
  mode: { type: 'string', value: 'NAME', default: 'plain', refuse: (text) => (text === 'bad' ? 'mode "bad" is refused: say plain.' : null), help: 'how' },
  count: { type: 'integer', value: 'N', min: 1, max: 5, default: 2, env: ['COUNT'], note: '1 is the least', help: 'how many' },
  verbose: { type: 'boolean', help: 'say more' },
} as const satisfies FlagTable;

describe('a flag table', () => {
  it('takes a flag over the environment, the environment over the default, and says where each value came from', () => {
    expect(resolveFlags(table, {}, {})).toEqual({ values: { endpoint: undefined, mode: 'plain', count: 2, verbose: false }, sources: {} });
    expect(resolveFlags(table, {}, { FIRST_URL: '', SECOND_URL: 'http://b', COUNT: '4' })).toEqual({
      values: { endpoint: 'http://b', mode: 'plain', count: 4, verbose: false },
      sources: { endpoint: 'SECOND_URL', count: 'COUNT' },
    });
    expect(resolveFlags(table, { endpoint: 'http://a', count: '5', verbose: true }, { FIRST_URL: 'http://env', COUNT: '4' })).toEqual({
      values: { endpoint: 'http://a', mode: 'plain', count: 5, verbose: true },
      sources: { endpoint: '--endpoint', count: '--count' },
    });
  });

  it('refuses a value out of range or refused by its flag, naming the flag or the variable that gave it', () => {
    expect(() => resolveFlags(table, { count: '6' }, {})).toThrow(new UsageError('--count must be a whole number from 1 to 5 (1 is the least), not "6".'));
    expect(() => resolveFlags(table, {}, { COUNT: '2.5' })).toThrow('COUNT must be a whole number from 1 to 5 (1 is the least), not "2.5".');
    expect(() => resolveFlags(table, { mode: 'bad' }, {})).toThrow('mode "bad" is refused: say plain.');
  });

  it('takes a repeated flag any number of times: every value, in order, each checked; none when not given', () => {
    const repeated = { tag: { type: 'string', value: 'T', multiple: true, refuse: (text) => (text === '' ? 'an empty --tag says nothing.' : null), help: 'a tag' } } as const satisfies FlagTable;
    const given = parseFlags('try', ['--tag', 'a', '--tag=b', '--tag', 'a'], repeated);
    expect(given).toEqual({ tag: ['a', 'b', 'a'] });
    expect(resolveFlags(repeated, given, {})).toEqual({ values: { tag: ['a', 'b', 'a'] }, sources: { tag: '--tag' } });
    expect(resolveFlags(repeated, {}, {})).toEqual({ values: { tag: [] }, sources: {} });
    expect(() => resolveFlags(repeated, parseFlags('try', ['--tag', 'a', '--tag='], repeated), {})).toThrow('an empty --tag says nothing.');
  });

  it('parses only the flags of the table, with their types', () => {
    expect(parseFlags('try', ['--count', '3', '--verbose'], table)).toEqual({ count: '3', verbose: true });
    expect(() => parseFlags('try', ['--other'], table)).toThrow(`try: there is no flag --other. Run "lambda-esm-conformance try --help" for the flags it takes.`);
    // A negative number reaches the flag's range check instead of parseArgs' "ambiguous".
    expect(parseFlags('try', ['--count', '-2', '--verbose'], table)).toEqual({ count: '-2', verbose: true });
  });

  it('writes the help from the table: the flag, its help, its range and its default, wrapped under its column', () => {
    expect(flagHelp(table)).toBe(
      [
        '        --endpoint URL        where to go (default FIRST_URL, SECOND_URL, else none at all)',
        '        --mode NAME           how (default plain)',
        '        --count N             how many (1 to 5, 1 is the least; default COUNT, else 2)',
        '        --verbose             say more',
      ].join('\n'),
    );
    const long = flagHelp({ 'a-very-long-flag-name': { type: 'string', value: 'FILE', help: 'word '.repeat(20).trim() } });
    expect(long.split('\n')).toEqual([
      '        --a-very-long-flag-name FILE',
      `${' '.repeat(30)}${'word '.repeat(14).trim()}`,
      `${' '.repeat(30)}${'word '.repeat(6).trim()}`,
    ]);
  });
});
