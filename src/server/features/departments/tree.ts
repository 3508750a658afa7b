/**
 * True when making `parentId` the parent of `id` would put a department under itself,
 * given every department's current parent.
 */
export function wouldCreateCycle(
  links: { id: string; parentId: string | null }[],
  id: string,
  parentId: string,
): boolean {
  const parentOf = new Map(links.map((l) => [l.id, l.parentId]));
  let current: string | null | undefined = parentId;
  const seen = new Set<string>();
  while (current) {
    if (current === id) return true;
    if (seen.has(current)) return true;
    seen.add(current);
    current = parentOf.get(current);
  }
  return false;
}
