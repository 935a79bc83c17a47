// `npm run docs`: writes the parts of README.md that are made from the code (the table of levels).
import { readFileSync, writeFileSync } from 'node:fs';
import { withLevelTable } from './readme-levels.ts';

const readmeFile = new URL('../README.md', import.meta.url);
const readme = readFileSync(readmeFile, 'utf8');
try {
  const written = withLevelTable(readme);
  if (written === readme) {
    console.log('README.md is up to date with src/checks/.');
  } else {
    writeFileSync(readmeFile, written);
    console.log('README.md: the table of levels written from src/checks/.');
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
