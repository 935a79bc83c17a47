// What the page's sections look up about each other: where a case's card is, the documentation
// sentence of a clause, and the findings a case belongs to. Built once per page, in one pass.
import type { CaseResult, Finding, RunReport } from '../../src/results.ts';

export interface PageIndex {
  /** The element id of a case's card ("case-12"); undefined for an id the report does not hold. */
  readonly rowOf: (caseId: string) => string | undefined;
  /** The documentation sentence a clause stands for, as the cases citing it carry it. */
  readonly docOf: (clause: string) => string | undefined;
  readonly finding: (id: string) => Finding | undefined;
  /** Every finding that lists the case, most cases first (a case with several failed checks is in each). */
  readonly findingsOf: (caseId: string) => readonly string[];
}

export function rowId(index: number): string {
  return `case-${index}`;
}

export function pageIndex(report: RunReport, cases: readonly CaseResult[]): PageIndex {
  const rows = new Map<string, string>();
  const docs = new Map<string, string>();
  for (const [index, result] of cases.entries()) {
    rows.set(result.id, rowId(index));
    if (result.doc !== '' && !docs.has(result.clause)) docs.set(result.clause, result.doc);
  }
  const findings = new Map(report.findings.map((finding) => [finding.id, finding]));
  const memberships = new Map<string, string[]>();
  for (const finding of report.findings) {
    for (const caseId of finding.caseIds) {
      const list = memberships.get(caseId);
      if (list === undefined) memberships.set(caseId, [finding.id]);
      else list.push(finding.id);
    }
  }
  return {
    rowOf: (caseId) => rows.get(caseId),
    docOf: (clause) => docs.get(clause),
    finding: (id) => findings.get(id),
    findingsOf: (caseId) => memberships.get(caseId) ?? [],
  };
}
