import type { z } from 'zod';
import type {
  CaseImport,
  CommitImportResult,
  commitImportSchema,
  ImportMapping,
  RowError,
  UnfinishedImports,
  ValidateBatchResult,
  validateBatchSchema,
} from '../../../shared/case-import/import-schema.js';
import { fiscalYearOfDay } from '../../../shared/common/japan-days.js';
import { AppError } from '../../lib/app-error.js';
import { inTransaction, recordAudit } from '../../lib/audit.js';
import type { OrgContext } from '../../lib/context.js';
import { newId } from '../../lib/ids.js';
import { searchVectorOf } from '../cases/service.js';
import { getSceneGrid } from '../scene-grid/service.js';
import { normalise, sceneReader } from './cell-values.js';
import { parseCaseList } from './parse.js';
import * as repo from './repo.js';
import { checkRow, type DepartmentsByName, suggestMapping } from './rows.js';

const PREVIEW_ROWS = 5;

/** Reads an uploaded list and keeps its rows for checking; returns the headers, a guessed mapping and a preview. */
export async function startImport(
  ctx: OrgContext,
  file: { content: Buffer; fileName: string | null },
): Promise<CaseImport> {
  const list = await parseCaseList(file.content);
  const id = newId();
  // Cut by characters, not UTF-16 units: half of a 𠮷 would be stored as U+FFFD.
  const fileName = Array.from(file.fileName ?? 'cases')
    .slice(0, 200)
    .join('');
  await inTransaction(ctx, async (tx) => {
    await repo.insertImport(tx.db, tx.scope, {
      id,
      createdBy: tx.actor.userId,
      fileName,
      format: list.format,
      headers: list.headers,
      rowCount: list.rows.length,
      createdAt: tx.now(),
    });
    await repo.insertRows(tx.db, id, list.rows);
  });
  return {
    id,
    fileName,
    format: list.format,
    headers: list.headers,
    rowCount: list.rows.length,
    mapping: suggestMapping(list.headers),
    preview: list.rows.slice(0, PREVIEW_ROWS).map((r) => ({ row: r.rowNumber, cells: r.cells })),
  };
}

/** The organisation's imports not yet committed, to continue or discard. */
export async function listUnfinishedImports(ctx: OrgContext): Promise<UnfinishedImports> {
  const rows = await repo.listImports(ctx.db, ctx.scope);
  return {
    imports: rows.map((r) => ({
      id: r.id,
      fileName: r.fileName,
      rowCount: r.rowCount,
      checked: Number(r.checked),
      startedAt: r.createdAt.toISOString(),
      startedBy: r.startedBy,
    })),
  };
}

/**
 * An unfinished import as it was uploaded, to continue from its mapping: the one its rows were
 * last checked with, or the one guessed from the headers.
 */
export async function resumeImport(ctx: OrgContext, importId: string): Promise<CaseImport> {
  const found = await repo.findImport(ctx.db, ctx.scope, importId);
  if (!found) throw new AppError('not_found');
  const preview = await repo.loadRows(ctx.db, importId, 0, PREVIEW_ROWS);
  return {
    id: found.id,
    fileName: found.fileName,
    format: found.format as CaseImport['format'],
    headers: found.headers,
    rowCount: found.rowCount,
    mapping: found.mapping ?? suggestMapping(found.headers),
    preview: preview.map((r) => ({ row: r.rowNumber, cells: r.cells })),
  };
}

/** Drops an unfinished import and its rows; nothing of it was added. */
export async function discardImport(ctx: OrgContext, importId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const found = await repo.findImport(tx.db, tx.scope, importId, { lock: true });
    if (!found) throw new AppError('not_found');
    await repo.deleteImport(tx.db, tx.scope, importId);
    await recordAudit(tx, {
      orgId: tx.scope.orgId,
      action: 'case.import_discard',
      targetType: 'case_import',
      targetId: importId,
      changes: { fileName: found.fileName },
    });
  });
}

const sameMapping = (a: unknown, b: ImportMapping) =>
  JSON.stringify(Object.entries(a ?? {}).sort()) === JSON.stringify(Object.entries(b).sort());

/**
 * Checks one batch of rows with a mapping, by the rules of a reported case, and keeps what each
 * row becomes. The first batch (offset 0) starts over, so a changed mapping is checked afresh;
 * later batches must use the same mapping.
 */
export async function validateBatch(
  ctx: OrgContext,
  importId: string,
  input: z.infer<typeof validateBatchSchema>,
): Promise<ValidateBatchResult> {
  return inTransaction(ctx, async (tx) => {
    const found = await repo.findImport(tx.db, tx.scope, importId, { lock: true });
    if (!found) throw new AppError('not_found');
    const outside = Object.entries(input.mapping).find(([, index]) => index >= found.headers.length);
    if (outside)
      throw new AppError('validation', undefined, [{ path: `body.mapping.${outside[0]}`, code: 'id.format' }]);
    if (input.offset === 0) await repo.restartChecks(tx.db, tx.scope, importId, input.mapping);
    else if (!sameMapping(found.mapping, input.mapping)) throw new AppError('conflict');
    const departments: DepartmentsByName = new Map(
      (await repo.listDepartments(tx.db, tx.scope)).map((d) => [normalise(d.name), d]),
    );
    const readScene = sceneReader(await getSceneGrid(tx));
    const rows = await repo.loadRows(tx.db, importId, input.offset, input.limit);
    const errors: RowError[] = [];
    const checks: repo.RowCheck[] = rows.map((row) => {
      const checked = checkRow(row, input.mapping, found.headers, departments, readScene);
      if (!checked.ok) {
        errors.push(...checked.errors);
        return { position: row.position, caseId: null, sourceKey: null, prepared: null, errors: checked.errors };
      }
      const { input: c, departmentName, sourceKey } = checked.value;
      return {
        position: row.position,
        caseId: newId(),
        sourceKey,
        errors: null,
        prepared: {
          title: c.title,
          problem: c.problem,
          action: c.action,
          result: c.result,
          remaining: c.remaining,
          costYen: c.costYen ?? null,
          departmentId: c.departmentId ?? null,
          departmentName,
          happenedOn: c.happenedOn,
          fiscalYear: fiscalYearOfDay(c.happenedOn),
          policyField: c.policyField ?? null,
          method: c.method ?? null,
          sceneId: c.sceneId ?? null,
          searchVector: searchVectorOf(c, departmentName),
          tags: c.tags,
          effects: c.effects.map((e) => ({ kind: e.kind, actual: e.actual ?? null })),
        },
      };
    });
    await repo.saveChecks(tx.db, importId, checks);
    const next = input.offset + input.limit;
    return {
      checked: rows.length,
      rowCount: found.rowCount,
      nextOffset: next < found.rowCount ? next : null,
      errors,
    };
  });
}

const unchecked = {
  ja: 'まだ確認していない行があります。すべての行を確認してから取り込んでください。',
  en: 'Some rows have not been checked yet. Check every row before importing.',
};

/**
 * Adds every checked row as a case of the organisation, or none: one transaction, refused while
 * any row is unchecked or has a problem. Rows imported before are skipped and counted.
 */
export async function commitImport(
  ctx: OrgContext,
  importId: string,
  input: z.infer<typeof commitImportSchema>,
): Promise<CommitImportResult> {
  return inTransaction(ctx, async (tx) => {
    const found = await repo.findImport(tx.db, tx.scope, importId, { lock: true });
    if (!found) throw new AppError('not_found');
    const state = await repo.checkState(tx.db, importId);
    if (state.failed > 0)
      throw new AppError(
        'validation',
        undefined,
        undefined,
        (state.errors as RowError[]).map((e) => ({
          path: `rows.${e.row}${e.column ? `.${e.column}` : ''}`,
          code: e.code,
          messages: e.messages,
        })),
      );
    if (state.unchecked > 0 || !found.mapping)
      throw new AppError('validation', undefined, undefined, [
        { path: 'rows', code: 'caseImport.unchecked', messages: unchecked },
      ]);
    const imported = await repo.copyRowsToCases(tx.db, tx.scope, importId, {
      status: input.status,
      sharing: input.sharing,
      actorId: tx.actor.userId,
      now: tx.now(),
    });
    const skipped = found.rowCount - imported;
    await repo.deleteImport(tx.db, tx.scope, importId);
    await recordAudit(tx, {
      orgId: tx.scope.orgId,
      action: 'case.import',
      targetType: 'case_import',
      targetId: importId,
      changes: { fileName: found.fileName, imported, skipped, status: input.status, sharing: input.sharing },
    });
    return { imported, skipped };
  });
}
