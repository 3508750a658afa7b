import type { CreateOrgInput, Org, OrgSummary, UpdateOrgInput } from '../../../shared/orgs/schema.js';
import { AppError } from '../../lib/app-error.js';
import { diffFields, inTransaction, recordAudit } from '../../lib/audit.js';
import type { OrgContext, ServiceContext } from '../../lib/context.js';
import { newId } from '../../lib/ids.js';
import { findLocalGovernment } from '../local-governments/catalog.js';
import type { Mailer } from '../mail/mailer.js';
import { inviteToOrg } from '../members/invitations.js';
import * as repo from './repo.js';

export function toOrg(row: repo.OrgRow): Org {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    nameKana: row.nameKana,
    lgCode: row.lgCode,
    prefectureCode: row.prefectureCode,
    municipalityType: row.municipalityType,
    population: row.population,
    isPlatform: row.isPlatform,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The caller's organisation with its member and department counts. */
export async function getOrg(ctx: OrgContext): Promise<OrgSummary> {
  const row = await repo.findOrg(ctx.db, ctx.scope);
  if (!row) throw new AppError('not_found');
  return { ...toOrg(row), ...(await repo.countOrgContents(ctx.db, row.id)) };
}

async function assertLgCodeFree(ctx: ServiceContext, lgCode: string, selfId: string | null) {
  const existing = await repo.findOrgByLgCode(ctx.db, lgCode);
  if (existing && existing.id !== selfId) throw new AppError('lg_code_taken');
}

/** Edits the organisation's profile; a municipality keeps a valid local government code. */
export async function updateOrg(ctx: OrgContext, input: UpdateOrgInput): Promise<OrgSummary> {
  await inTransaction(ctx, async (tx) => {
    const before = await repo.findOrg(tx.db, tx.scope);
    if (!before) throw new AppError('not_found');
    if (input.lgCode === null && before.kind === 'municipality') {
      throw new AppError('validation', undefined, [{ path: 'body.lgCode', code: 'lgCode.required' }]);
    }
    if (input.lgCode) await assertLgCodeFree(tx, input.lgCode, before.id);
    const patch = {
      ...input,
      ...(input.lgCode !== undefined ? { prefectureCode: input.lgCode ? input.lgCode.slice(0, 2) : null } : {}),
    };
    const changes = diffFields(before, patch);
    await repo.updateOrg(tx.db, tx.scope, { ...patch, updatedAt: ctx.now() });
    await recordAudit(tx, {
      orgId: before.id,
      action: 'org.update',
      targetType: 'organization',
      targetId: before.id,
      changes,
    });
  });
  return getOrg(ctx);
}

/** Platform administrators' list of every organisation. */
export async function listOrgs(ctx: ServiceContext, onlyId?: string): Promise<OrgSummary[]> {
  const rows = await repo.listAllOrgs(ctx.db, onlyId);
  return rows.map((r) => ({ ...toOrg(r.org), memberCount: r.memberCount, departmentCount: r.departmentCount }));
}

/**
 * Registers an organisation; for a municipality, name and type default from the national list.
 * With adminEmail, its first administrator is invited in the same transaction.
 */
export async function createOrg(ctx: ServiceContext, mailer: Mailer, input: CreateOrgInput): Promise<OrgSummary> {
  const id = newId();
  const known = input.lgCode ? findLocalGovernment(input.lgCode) : null;
  const mailIds = await inTransaction(ctx, async (tx) => {
    if (input.lgCode) await assertLgCodeFree(tx, input.lgCode, null);
    const now = ctx.now();
    await repo.insertOrg(tx.db, {
      id,
      kind: input.kind,
      name: input.name,
      nameKana: input.nameKana ?? known?.kana ?? null,
      lgCode: input.lgCode ?? null,
      prefectureCode: input.lgCode ? input.lgCode.slice(0, 2) : null,
      municipalityType: input.municipalityType ?? known?.municipalityType ?? null,
      population: input.population ?? null,
      isPlatform: false,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, {
      orgId: id,
      action: 'org.create',
      targetType: 'organization',
      targetId: id,
      changes: { name: input.name, kind: input.kind, lgCode: input.lgCode ?? null },
    });
    if (!input.adminEmail) return [];
    // Nobody belongs to the new organisation yet, so its first invitation is kept in the
    // platform organisation's outbox, where the office that registered it can pass it on.
    const platformOrgId = await repo.findPlatformOrgId(tx.db);
    const invitation = await inviteToOrg(
      tx,
      mailer,
      id,
      { email: input.adminEmail.toLowerCase(), role: 'org_admin', position: 'other', departmentId: null },
      platformOrgId ?? id,
    );
    return invitation.mailIds;
  });
  await mailer.deliver(mailIds);
  const [created] = await listOrgs(ctx, id);
  if (!created) throw new AppError('internal');
  return created;
}
