/** Lookups in lists of ranges kept in document order (terms, controls, YAML scalars, maps), by binary search. */

/** The index of the first item whose start is at or after `offset` (items.length when none is). */
export function firstStartingAt(items: readonly { readonly start: number }[], offset: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (items[middle].start < offset) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}

/** The items whose start lies in [start, end). */
export function itemsStartingIn<T extends { readonly start: number }>(items: readonly T[], start: number, end: number): T[] {
  const found: T[] = [];
  for (let index = firstStartingAt(items, start); index < items.length && items[index].start < end; index++) {
    found.push(items[index]);
  }
  return found;
}
