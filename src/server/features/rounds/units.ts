import type { OrgContext } from '../../lib/context.js';
import { lockOrg } from '../orgs/repo.js';
import * as repo from './repo.js';

export interface UnitNode {
  id: string;
  parentId: string | null;
  name: string;
}

/**
 * Makes sure the round counts a submitted response in a unit that will never move: on the first
 * submission the round takes the organisation's whole department tree; later, a department created
 * since is added when someone answers in it, under the nearest unit above it. Units already taken
 * are never changed, so the responses behind each group stay as they were. Called in the saving
 * transaction before the response is written.
 */
export async function takeUnits(tx: OrgContext, roundId: string, departmentId: string | null): Promise<void> {
  const taken = await repo.listRoundUnitIds(tx.db, tx.scope, roundId);
  if (taken.size > 0 && (departmentId === null || taken.has(departmentId))) return;
  // Department moves take this lock too, so the tree is read whole; and units are added one
  // transaction at a time, so two chains taken at once cannot point at each other.
  await lockOrg(tx.db, tx.scope);
  const [units, tree] = [
    await repo.listRoundUnitIds(tx.db, tx.scope, roundId),
    await repo.listDepartmentsForUnits(tx.db, tx.scope),
  ];
  const byId = new Map(tree.map((d) => [d.id, d]));
  const unitOf = (d: (typeof tree)[number], parentId: string | null) => ({
    departmentId: d.id,
    parentId,
    name: d.name,
    sortOrder: d.sortOrder,
  });
  if (units.size === 0) {
    const known = (id: string | null) => (id && byId.has(id) ? id : null);
    await repo.insertRoundUnits(
      tx.db,
      tx.scope,
      roundId,
      tree.map((d) => unitOf(d, known(d.parentId))),
    );
    return;
  }
  if (departmentId === null || units.has(departmentId)) return;
  // The department and those above it up to the first one the round already has.
  const chain: (typeof tree)[number][] = [];
  let anchor: string | null = null;
  for (let d = byId.get(departmentId); d && !chain.includes(d); d = d.parentId ? byId.get(d.parentId) : undefined) {
    if (units.has(d.id)) {
      anchor = d.id;
      break;
    }
    chain.push(d);
  }
  await repo.insertRoundUnits(
    tx.db,
    tx.scope,
    roundId,
    chain.map((d, i) => unitOf(d, chain[i + 1]?.id ?? anchor)),
  );
}

/** The tree a round's groups are counted on: its units once answered, the organisation's tree before. */
export function roundTreeOf(units: UnitNode[], currentTree: UnitNode[]): UnitNode[] {
  return units.length > 0 ? units : currentTree;
}

/** A department and the units above it in a tree, nearest first; empty for null or unknown. */
export function selfAndAncestors(tree: { id: string; parentId: string | null }[], id: string | null): string[] {
  const parentOf = new Map(tree.map((d) => [d.id, d.parentId]));
  const out: string[] = [];
  for (let d = id; d && parentOf.has(d) && !out.includes(d); d = parentOf.get(d) ?? null) out.push(d);
  return out;
}
