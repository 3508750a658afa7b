import type { Me } from '../../shared/auth/schema.js';

const STORAGE_KEY = 'kaizen-navi.last-org';

export function rememberOrg(orgId: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, orgId);
  } catch {
    // Storage can be blocked; the first membership is a fine default then.
  }
}

function readRememberedOrg(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** The organisation to open: the one used last if the person still belongs to it, else the first. */
export function pickHomeOrg(me: Me): string | null {
  const remembered = readRememberedOrg();
  if (remembered && me.memberships.some((m) => m.orgId === remembered)) return remembered;
  return me.memberships[0]?.orgId ?? null;
}
