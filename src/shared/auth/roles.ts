import { z } from 'zod';

/** Role of a person in one organisation. platform_admin exists only in the platform (NPO) organisation. */
export const roles = ['platform_admin', 'org_admin', 'facilitator', 'manager', 'staff'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Position a person holds (役職); used later to split results by role. */
export const positions = ['executive', 'director', 'section_chief', 'subsection_chief', 'staff', 'other'] as const;
export const positionSchema = z.enum(positions);
export type Position = z.infer<typeof positionSchema>;

/** Positions in words, for files and for what the server names after a position (a workshop's groups). */
export const positionNames: Record<Position, { ja: string; en: string }> = {
  executive: { ja: '首長・幹部', en: 'Executive' },
  director: { ja: '部長', en: 'Director' },
  section_chief: { ja: '課長', en: 'Section chief' },
  subsection_chief: { ja: '係長', en: 'Subsection chief' },
  staff: { ja: '職員', en: 'Staff' },
  other: { ja: 'その他', en: 'Other' },
};
