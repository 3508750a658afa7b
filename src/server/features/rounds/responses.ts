import type { Position } from '../../../shared/auth/roles.js';
import type { MyResponse, SaveResponseInput } from '../../../shared/sheets/round-schema.js';
import { saveResponseSchema } from '../../../shared/sheets/round-schema.js';
import { AppError } from '../../lib/app-error.js';
import { inTransaction, recordAudit } from '../../lib/audit.js';
import type { OrgContext } from '../../lib/context.js';
import { newId } from '../../lib/ids.js';
import { itemsOf, loadRound, roundStatus, type ScopeFacts, subtreeIds } from './access.js';
import * as repo from './repo.js';
import { takeUnits } from './units.js';

/** What a new response starts from, and which departments the respondent may name. */
export async function responseDefaults(ctx: OrgContext, roundId: string) {
  const { row, facts, membership } = await loadRound(ctx, roundId);
  const allowed = allowedDepartments(row.round, facts);
  const departmentId =
    membership?.departmentId && allowed.has(membership.departmentId) ? membership.departmentId : null;
  return {
    position: (membership?.position ?? 'other') as Position,
    departmentId,
    departments: facts.tree
      .filter((d) => allowed.has(d.id))
      .map((d) => ({ id: d.id, name: d.name, parentId: d.parentId })),
  };
}

function allowedDepartments(round: repo.RoundRow, facts: ScopeFacts): Set<string> {
  if (round.scopeKind !== 'departments') return new Set(facts.tree.map((d) => d.id));
  return subtreeIds(
    facts.tree,
    (facts.roundDepartments.get(round.id) ?? []).map((d) => d.id),
  );
}

function toMyResponse(
  response: repo.ResponseRow,
  answers: { itemKey: string; level: number | null; comment: string | null }[],
): MyResponse {
  return {
    roundId: response.roundId,
    status: response.status,
    position: response.position,
    departmentId: response.departmentId,
    mostImportantItemKey: response.mostImportantItemKey,
    answers,
    submittedAt: response.submittedAt?.toISOString() ?? null,
    updatedAt: response.updatedAt.toISOString(),
  };
}

export async function getMyResponse(ctx: OrgContext, roundId: string): Promise<MyResponse> {
  const { response } = await loadRound(ctx, roundId);
  if (!response) throw new AppError('not_found');
  return toMyResponse(response, await repo.listAnswers(ctx.db, response.id));
}

/**
 * Saves the caller's response: create (once per person and round) or update, as a draft or
 * submitted. Everything is checked before anything is written, and written in one transaction.
 */
export async function saveMyResponse(
  ctx: OrgContext,
  roundId: string,
  input: SaveResponseInput,
  mode: 'create' | 'update',
): Promise<MyResponse> {
  const data = saveResponseSchema.parse(input);
  return inTransaction(ctx, async (tx) => {
    const { row, facts, eligible } = await loadRound(tx, roundId, { lock: 'share' });
    const status = roundStatus(row.round, tx.now());
    if (status === 'closed') throw new AppError('round_closed');
    if (status === 'scheduled') throw new AppError('round_not_open');
    if (!eligible) throw new AppError('not_in_round');

    const items = itemsOf(row.content);
    const byKey = new Map(items.map((item) => [item.key, item]));
    const errors: { path: string; code: Parameters<typeof fieldError>[1] }[] = [];
    const seen = new Set<string>();
    data.answers.forEach((answer, i) => {
      const item = byKey.get(answer.itemKey);
      if (!item) errors.push(fieldError(`body.answers.${i}.itemKey`, 'response.unknown_item'));
      else if (seen.has(answer.itemKey))
        errors.push(fieldError(`body.answers.${i}.itemKey`, 'response.duplicate_item'));
      else if (answer.level !== null && answer.level > item.levels.length) {
        errors.push(fieldError(`body.answers.${i}.level`, 'response.level_out_of_range'));
      }
      seen.add(answer.itemKey);
    });
    if (data.mostImportantItemKey && !byKey.has(data.mostImportantItemKey)) {
      errors.push(fieldError('body.mostImportantItemKey', 'response.unknown_item'));
    }
    if (data.departmentId) {
      if (!facts.tree.some((d) => d.id === data.departmentId))
        errors.push(fieldError('body.departmentId', 'department.unknown'));
      else if (!allowedDepartments(row.round, facts).has(data.departmentId)) {
        errors.push(fieldError('body.departmentId', 'response.department_out_of_scope'));
      }
    }
    if (data.submit) errors.push(...missingLevels(items, data.answers));
    if (errors.length > 0) throw new AppError('validation', undefined, errors);

    const now = tx.now();
    const response = await repo.findResponse(tx.db, tx.scope, roundId, tx.actor.userId, true);
    const values = {
      position: data.position,
      departmentId: data.departmentId,
      mostImportantItemKey: data.mostImportantItemKey,
      // A submitted response stays submitted when edited; saving a draft never withdraws it.
      status: data.submit || response?.status === 'submitted' ? ('submitted' as const) : ('draft' as const),
      updatedAt: now,
    };
    if (values.status === 'submitted') await takeUnits(tx, roundId, data.departmentId);
    let responseId: string;
    if (mode === 'create') {
      if (response) throw new AppError('response_exists');
      responseId = newId();
      const created = await repo.insertResponse(tx.db, {
        id: responseId,
        roundId,
        orgId: tx.scope.orgId,
        userId: tx.actor.userId,
        ...values,
        submittedAt: values.status === 'submitted' ? now : null,
        createdAt: now,
      });
      if (!created) throw new AppError('response_exists');
    } else {
      if (!response) throw new AppError('not_found');
      responseId = response.id;
      if (values.status === 'submitted' && !data.submit) {
        // Editing a submitted response must keep it complete.
        const missing = missingLevels(items, data.answers);
        if (missing.length > 0) throw new AppError('validation', undefined, missing);
      }
      await repo.updateResponse(tx.db, response.id, {
        ...values,
        submittedAt: data.submit ? now : response.submittedAt,
      });
    }
    await repo.replaceAnswers(
      tx.db,
      responseId,
      roundId,
      data.answers.map((a) => ({ itemKey: a.itemKey, level: a.level, comment: a.comment ?? null })),
    );
    if (data.submit && !row.round.anonymous) {
      // Only in a named round: in an anonymous one, who submitted when, set beside results, could tell answers apart.
      await recordAudit(tx, {
        orgId: tx.scope.orgId,
        action: 'sheet_response.submit',
        targetType: 'sheet_round',
        targetId: roundId,
      });
    }
    const saved = await repo.findResponse(tx.db, tx.scope, roundId, tx.actor.userId);
    if (!saved) throw new AppError('internal');
    return toMyResponse(saved, await repo.listAnswers(tx.db, saved.id));
  });
}

function fieldError(
  path: string,
  code:
    | 'response.unknown_item'
    | 'response.duplicate_item'
    | 'response.level_out_of_range'
    | 'response.level_required'
    | 'response.department_out_of_scope'
    | 'department.unknown',
) {
  return { path, code };
}

/** An error for each item of the sheet the answers leave without a level. */
function missingLevels(items: ReturnType<typeof itemsOf>, answers: { itemKey: string; level: number | null }[]) {
  const answered = new Set(answers.filter((a) => a.level !== null).map((a) => a.itemKey));
  return items
    .filter((item) => !answered.has(item.key))
    .map((item) => fieldError(`body.items.${item.key}`, 'response.level_required'));
}
