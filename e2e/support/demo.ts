/** The people and organisations the server seeds on first start (src/server/seed/demo.ts). */
export const DEMO_PASSWORD = 'kaizen-demo-2026';

export const DEMO_CITY = 'デモ市';
export const DEMO_NPO = '自治体改善マネジメント研究会';

export const demo = {
  platformAdmin: { email: 'platform@demo.kaizen-navi.jp', name: '運営 花子' },
  navigator: { email: 'navigator@demo.kaizen-navi.jp', name: '案内 翔太' },
  orgAdmin: { email: 'admin@demo.kaizen-navi.jp', name: '改善 一郎' },
  manager: { email: 'manager@demo.kaizen-navi.jp', name: '市民 課長' },
  staff: { email: 'staff@demo.kaizen-navi.jp', name: '窓口 さくら' },
  director: { email: 'director@demo.kaizen-navi.jp', name: '総務 部長' },
} as const;

export type DemoPerson = (typeof demo)[keyof typeof demo];

let counter = 0;

/** A suffix no other test or earlier run against the same server has used. */
export function uniqueSuffix(): string {
  counter += 1;
  return `${Date.now().toString(36)}${counter}${Math.random().toString(36).slice(2, 5)}`;
}

/** An address of the reserved example.jp domain, different for every call. */
export function uniqueEmail(label: string): string {
  return `${label}-${uniqueSuffix()}@e2e.example.jp`;
}
