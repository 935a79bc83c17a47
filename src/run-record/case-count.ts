/** "1 case", "3 cases": how every report and the console count cases. */
export function casesCount(count: number): string {
  return count === 1 ? '1 case' : `${count} cases`;
}
