// Each report whole, as one string, for tests that read it: the reporters themselves only ever
// stream them a case at a time.
import { htmlChunks } from '../../../reporters/html/page.ts';
import { junitChunks } from '../../../reporters/junit.ts';
import { resultsJsonChunks } from '../../../reporters/results-json.ts';
import type { RunReport } from '../../../src/results.ts';

export const renderHtml = (report: RunReport): string => [...htmlChunks(report)].join('');
export const renderJunit = (report: RunReport): string => [...junitChunks(report)].join('');
export const renderResultsJson = (report: RunReport): string => [...resultsJsonChunks(report)].join('');
