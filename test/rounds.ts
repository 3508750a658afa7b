import type { Position } from '../src/shared/auth/roles.js';
import { createMember, logIn } from './factories.js';
import type { TestApp } from './harness.js';

/** A small template of our own: three items, the first with 4 levels, the others with 3. */
export function smallTemplate(key = `t-${Math.random().toString(36).slice(2, 8)}`) {
  const level = (n: number) => ({ label: `段階${n}`, descriptor: `段階${n}の状態が見られる。` });
  return {
    formatVersion: 1,
    key,
    title: { ja: 'テスト用シート' },
    edition: 'custom',
    variant: 'quick',
    sections: [
      {
        key: 'basics',
        title: '基本',
        items: [
          { key: 'vision', title: 'めざす姿', levels: [1, 2, 3, 4].map(level) },
          { key: 'sharing', title: '情報共有', levels: [1, 2, 3].map(level) },
          { key: 'challenge', title: '挑戦', levels: [1, 2, 3].map(level) },
        ],
      },
    ],
  };
}

export async function importTemplate(t: TestApp, orgId: string, cookie: string, content = smallTemplate()) {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${orgId}/sheet-templates/import`,
    headers: { cookie },
    payload: { format: 'json', text: JSON.stringify(content) },
  });
  if (response.statusCode !== 201) throw new Error(`import failed: ${response.body}`);
  return response.json() as { templateId: string; version: number };
}

/** Today and a day some days away, as calendar days in Japan. */
export function japanDate(now: Date, plusDays = 0): string {
  return new Date(now.getTime() + 9 * 3600_000 + plusDays * 86_400_000).toISOString().slice(0, 10);
}

export async function createRound(
  t: TestApp,
  orgId: string,
  cookie: string,
  body: Record<string, unknown> & { templateId: string },
) {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/orgs/${orgId}/rounds`,
    headers: { cookie },
    payload: {
      title: 'テスト実施',
      version: 1,
      scopeKind: 'org',
      opensOn: japanDate(t.clock.now()),
      closesOn: japanDate(t.clock.now(), 14),
      ...body,
    },
  });
  if (response.statusCode !== 201) throw new Error(`create round failed: ${response.body}`);
  return (response.json() as { id: string }).id;
}

export interface Respondent {
  userId: string;
  cookie: string;
  position: Position;
  departmentId: string | null;
}

/** Members who will answer: each logged in, with a position and department. */
export async function createRespondents(
  t: TestApp,
  orgId: string,
  specs: { position?: Position; departmentId?: string | null; count?: number }[],
): Promise<Respondent[]> {
  const out: Respondent[] = [];
  for (const spec of specs) {
    for (let i = 0; i < (spec.count ?? 1); i++) {
      const position = spec.position ?? 'staff';
      const m = await createMember(t, { orgId, position, departmentId: spec.departmentId ?? null });
      out.push({
        userId: m.user.id,
        cookie: await logIn(t, m.user.email),
        position,
        departmentId: spec.departmentId ?? null,
      });
    }
  }
  return out;
}

/** Submits a response with the given level for every item (or per item key). */
export async function submit(
  t: TestApp,
  orgId: string,
  roundId: string,
  who: Respondent,
  levels: Record<string, number> | number,
  extra: Record<string, unknown> = {},
) {
  const keys = ['vision', 'sharing', 'challenge'];
  const answers = keys.map((itemKey) => ({
    itemKey,
    level: typeof levels === 'number' ? levels : (levels[itemKey] ?? null),
  }));
  return t.app.inject({
    method: 'POST',
    url: `/api/orgs/${orgId}/rounds/${roundId}/my-response`,
    headers: { cookie: who.cookie },
    payload: {
      position: who.position,
      departmentId: who.departmentId,
      mostImportantItemKey: 'vision',
      answers,
      submit: true,
      ...extra,
    },
  });
}

/** A minimal CSV reader (quoted fields, doubled quotes), enough for our own exports. */
export function parseCsv(body: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const text = body.replace(/^\uFEFF/, '');
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length > 0) rows.push([...row, field]);
  return rows;
}
