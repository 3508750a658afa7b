import type { CareerEntryKind } from './career-schema.js';

/**
 * The words for a career entry's kind, in Japanese and English: the screens show them through
 * i18n and the server writes them into exports, so both read them from here.
 */
export const careerWords = {
  ja: {
    kinds: {
      role: '役割・担当',
      project: 'プロジェクト',
      cross_boundary: '越境活動',
      seminar: 'セミナー・研修',
      other: 'その他',
    },
    case: 'カイゼン事例',
  },
  en: {
    kinds: {
      role: 'Role',
      project: 'Project',
      cross_boundary: 'Cross-boundary work',
      seminar: 'Seminar or training',
      other: 'Other',
    },
    case: 'Kaizen case',
  },
} as const satisfies Record<'ja' | 'en', { kinds: Record<CareerEntryKind, string>; case: string }>;
