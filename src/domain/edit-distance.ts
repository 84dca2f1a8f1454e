/**
 * Damerau-Levenshtein distance (optimal string alignment: insert, delete, substitute, swap two neighbours), bounded:
 * past the bound the exact figure does not matter, so the walk stops as soon as every path costs more.
 */
export function editDistanceWithin(a: string, b: string, bound: number): number | undefined {
  if (Math.abs(a.length - b.length) > bound) return undefined;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1;
      let value = Math.min((previous[j] ?? Infinity) + 1, (current[j - 1] ?? Infinity) + 1, (previous[j - 1] ?? Infinity) + cost);
      if (i > 1 && j > 1 && a.charAt(i - 1) === b.charAt(j - 2) && a.charAt(i - 2) === b.charAt(j - 1)) {
        value = Math.min(value, (beforePrevious[j - 2] ?? Infinity) + 1);
      }
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > bound) return undefined;
    beforePrevious = previous;
    previous = current;
  }
  const distance = previous[b.length] ?? Infinity;
  return distance <= bound ? distance : undefined;
}
