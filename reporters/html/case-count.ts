/** "1 case", "3 cases": how the page counts cases everywhere. */
export function casesCount(count: number): string {
  return count === 1 ? '1 case' : `${count} cases`;
}
