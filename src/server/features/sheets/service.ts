import { stringify } from 'yaml';
import type { SheetTemplateSummary } from '../../../shared/sheets/api-schema.js';
import {
  formatTemplateIssues,
  parseSheetTemplate,
  type SheetTemplate,
  type TemplateProblem,
} from '../../../shared/sheets/template-schema.js';
import { AppError } from '../../lib/app-error.js';
import { inTransaction, recordAudit } from '../../lib/audit.js';
import type { OrgContext } from '../../lib/context.js';
import { newId } from '../../lib/ids.js';
import { lockOrg } from '../orgs/repo.js';
import { loadDefaultTemplates, parseTemplateYaml } from './default-templates.js';
import * as repo from './repo.js';

const countItems = (t: SheetTemplate) => t.sections.reduce((n, s) => n + s.items.length, 0);

/** The samples we ship, which an organisation copies and adapts. */
export function listSamples() {
  return loadDefaultTemplates().map((t) => ({
    key: t.key,
    title: t.title.ja,
    edition: t.edition,
    variant: t.variant,
    itemCount: countItems(t),
    description: t.description ?? null,
  }));
}

export async function listTemplates(ctx: OrgContext): Promise<SheetTemplateSummary[]> {
  const rows = await repo.listTemplatesWithLatest(ctx.db, ctx.scope);
  return rows.map((r) => ({
    id: r.template.id,
    key: r.template.key,
    title: r.content.title.ja,
    edition: r.content.edition,
    variant: r.content.variant,
    itemCount: countItems(r.content),
    latestVersion: r.version,
    sourceSampleKey: r.template.sourceSampleKey,
    updatedAt: r.template.updatedAt.toISOString(),
  }));
}

export async function listVersions(ctx: OrgContext, templateId: string) {
  const rows = await repo.listVersions(ctx.db, ctx.scope, templateId);
  if (rows.length === 0) throw new AppError('not_found');
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

export async function getVersion(ctx: OrgContext, templateId: string, version: number) {
  const [row] = await repo.listVersions(ctx.db, ctx.scope, templateId, version);
  if (!row) throw new AppError('not_found');
  return { ...row, createdAt: row.createdAt.toISOString() };
}

/**
 * Stores content as the template's next version, creating the template on its first version.
 * Versions are never changed afterwards, so answers given to one keep their questions.
 */
async function saveVersion(ctx: OrgContext, content: SheetTemplate, sourceSampleKey: string | null) {
  return inTransaction(ctx, async (tx) => {
    await lockOrg(tx.db, tx.scope);
    const now = ctx.now();
    let template = await repo.findTemplateByKey(tx.db, tx.scope, content.key);
    if (!template) {
      template = {
        id: newId(),
        orgId: tx.scope.orgId,
        key: content.key,
        sourceSampleKey,
        createdAt: now,
        updatedAt: now,
      };
      await repo.insertTemplate(tx.db, template);
    }
    const version = (await repo.latestVersionNumber(tx.db, tx.scope, template.id)) + 1;
    await repo.insertVersion(tx.db, {
      id: newId(),
      templateId: template.id,
      orgId: tx.scope.orgId,
      version,
      content,
      createdBy: tx.actor.userId,
      createdAt: now,
    });
    await repo.touchTemplate(tx.db, tx.scope, template.id, now);
    await recordAudit(tx, {
      orgId: tx.scope.orgId,
      action: version === 1 ? 'sheet_template.create' : 'sheet_template.new_version',
      targetType: 'sheet_template',
      targetId: template.id,
      changes: { key: content.key, version, ...(sourceSampleKey ? { sample: sourceSampleKey } : {}) },
    });
    return { templateId: template.id, version };
  });
}

/** Copies one of our samples into the organisation, as its own template to adapt. */
export async function copySample(ctx: OrgContext, sampleKey: string) {
  const sample = loadDefaultTemplates().find((t) => t.key === sampleKey);
  if (!sample) throw new AppError('not_found');
  if (await repo.findTemplateByKey(ctx.db, ctx.scope, sample.key)) throw new AppError('conflict');
  return saveVersion(ctx, { ...sample, sample: false }, sample.key);
}

function problemsToErrors(problems: TemplateProblem[]) {
  return problems.map((p) => ({
    path: p.line ? `line ${p.line}${p.path ? ` ${p.path}` : ''}` : p.path,
    code: p.code,
    messages: p.messages,
  }));
}

/** Imports a YAML or JSON template file; every problem names its line (YAML) and place in the template. */
export async function importTemplate(ctx: OrgContext, input: { format: 'yaml' | 'json'; text: string }) {
  let parsed: { ok: true; template: SheetTemplate } | { ok: false; problems: TemplateProblem[] };
  if (input.format === 'yaml') {
    parsed = parseTemplateYaml(input.text);
  } else {
    let data: unknown;
    try {
      data = JSON.parse(input.text);
    } catch {
      throw new AppError('invalid_json');
    }
    const result = parseSheetTemplate(data);
    parsed = result.success
      ? { ok: true, template: result.data }
      : { ok: false, problems: formatTemplateIssues(result.error.issues, undefined, { withKeys: true }) };
  }
  if (!parsed.ok) throw new AppError('template_invalid', undefined, undefined, problemsToErrors(parsed.problems));
  return saveVersion(ctx, { ...parsed.template, sample: false }, null);
}

/** Template problems keyed by their place in the content, e.g. `sections.0.items.2.levels.1.label`. */
function problemsAtPaths(problems: TemplateProblem[]) {
  return problems.map((p) => ({ path: p.path.replace(/\[(\d+)\]/g, '.$1'), code: p.code, messages: p.messages }));
}

/**
 * Stores edited content as the template's next version. The key cannot change: it is how the
 * organisation finds the template, and earlier versions keep theirs.
 */
export async function saveTemplateVersion(ctx: OrgContext, templateId: string, content: unknown) {
  const template = await repo.findTemplate(ctx.db, ctx.scope, templateId);
  if (!template) throw new AppError('not_found');
  const result = parseSheetTemplate(content);
  if (!result.success)
    throw new AppError(
      'template_invalid',
      undefined,
      undefined,
      problemsAtPaths(formatTemplateIssues(result.error.issues)),
    );
  if (result.data.key !== template.key)
    throw new AppError('validation', undefined, [{ path: 'key', code: 'sheetTemplate.key_changed' }]);
  return saveVersion(ctx, { ...result.data, sample: false }, null);
}

/** A version as a file to download: YAML (for people) or JSON (for programs). */
export async function exportVersion(ctx: OrgContext, templateId: string, version: number, format: 'yaml' | 'json') {
  const { content } = await getVersion(ctx, templateId, version);
  const body = format === 'yaml' ? stringify(content, { lineWidth: 0 }) : `${JSON.stringify(content, null, 2)}\n`;
  return { body, filename: `${content.key}-v${version}.${format === 'yaml' ? 'yaml' : 'json'}` };
}
