// The README's table of levels, written from the registry of checks (src/checks/index.ts) by
// `npm run docs`, so that a new check needs no edit there; test/checks/registry.test.ts fails
// while the README's is not this one.
import { CHECK_NAMES, LEVEL_OF_CHECK } from '../src/checks/index.ts';
import { LEVEL_NAMES, LEVELS } from '../src/checks/levels.ts';

const BEGIN = '<!-- the table of levels: written from src/checks/ by `npm run docs`, edit the checks rather than this table -->';
const END = '<!-- end of the table of levels -->';

/** Each level, what it adds, and its checks in the order of CHECKS, as a Markdown table. */
export function levelTable(): string {
  const rows = LEVELS.map((level) => {
    const checks = CHECK_NAMES.filter((name) => LEVEL_OF_CHECK[name] === level).map((name) => `\`${name}\``);
    return `| Level ${level} | ${LEVEL_NAMES[level]} | ${checks.join(', ')} |`;
  });
  return ['| level | adds | checks |', '| --- | --- | --- |', ...rows].join('\n');
}

/** The README with the table of levels between its markers as the registry gives it. */
export function withLevelTable(readme: string): string {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END, start);
  if (start === -1 || end === -1) {
    throw new Error(`README.md has no table of levels to write: put the lines\n${BEGIN}\n${END}\nwhere it goes, and run npm run docs again.`);
  }
  return `${readme.slice(0, start + BEGIN.length)}\n\n${levelTable()}\n\n${readme.slice(end)}`;
}
