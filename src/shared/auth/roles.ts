import { z } from 'zod';

/** Role of a person in one organisation. platform_admin exists only in the platform (NPO) organisation. */
export const roles = ['platform_admin', 'org_admin', 'facilitator', 'manager', 'staff'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Position a person holds (役職); used later to split results by role. */
export const positions = ['executive', 'director', 'section_chief', 'subsection_chief', 'staff', 'other'] as const;
export const positionSchema = z.enum(positions);
export type Position = z.infer<typeof positionSchema>;
