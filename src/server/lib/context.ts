import type { Role } from '../../shared/auth/roles.js';
import type { Db } from '../db/client.js';

declare const orgScopeBrand: unique symbol;

/**
 * Proof that the caller is a member of orgId with this role. Only the auth plugin mints it
 * (see plugins/auth.ts), so a repo function that takes an OrgScope cannot be called for an
 * organisation the caller does not belong to.
 */
export type OrgScope = {
  readonly orgId: string;
  readonly role: Role;
  readonly membershipId: string;
  readonly [orgScopeBrand]: true;
};

export interface Actor {
  userId: string;
  isPlatformAdmin: boolean;
}

/** What a service gets: who acts, for which organisation, with which database handle. */
export interface ServiceContext {
  db: Db;
  actor: Actor | null;
  ip: string | null;
  now: () => Date;
}

export interface OrgContext extends ServiceContext {
  actor: Actor;
  scope: OrgScope;
}
