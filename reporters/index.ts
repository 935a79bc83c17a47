// The reporters' public face: the CLI and the suites import from here.
export { ConformanceReporter, type ConformanceReporterOptions } from './conformance-reporter.ts';
export { buildRunReport, type PlannedCase, type RunFacts, type RunStop } from './run-report.ts';
export { renderResultsJson } from './results-json.ts';
export { renderJunit } from './junit.ts';
export { renderHtml } from './html/page.ts';
export { writeReports, type ReportPaths } from './write-reports.ts';
export { verdictOf, type RunVerdict, type VerdictLabel } from './verdict.ts';
export { conformanceMatrix, matrixColumns, worstOutcome, type MatrixCell, type MatrixRow } from './matrix.ts';
export { summarize } from './summarize.ts';
export { toolIdentity, type ToolIdentity } from './tool-identity.ts';
import '../suites/hand-off.ts';
