import { z } from 'zod';
import { idSchema, requiredTextSchema, textSchema } from '../common/schema.js';
import { findLgCodeProblem } from './lg-code.js';

export const orgKinds = ['municipality', 'npo', 'other'] as const;
export const orgKindSchema = z.enum(orgKinds);
export type OrgKind = z.infer<typeof orgKindSchema>;

/** Kind of local government, used later to compare with cities like one's own. */
export const municipalityTypes = [
  'prefecture',
  'designated_city',
  'core_city',
  'city',
  'special_ward',
  'town',
  'village',
] as const;
export const municipalityTypeSchema = z.enum(municipalityTypes);
export type MunicipalityType = z.infer<typeof municipalityTypeSchema>;

export const lgCodeSchema = z
  .string()
  .trim()
  .superRefine((code, ctx) => {
    const problem = findLgCodeProblem(code);
    if (problem) ctx.addIssue({ code: 'custom', message: `lgCode.${problem}` });
  });

export const orgSchema = z.object({
  id: idSchema,
  kind: orgKindSchema,
  name: z.string(),
  nameKana: z.string().nullable(),
  lgCode: z.string().nullable(),
  prefectureCode: z.string().nullable(),
  municipalityType: municipalityTypeSchema.nullable(),
  population: z.number().int().nullable(),
  isPlatform: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Org = z.infer<typeof orgSchema>;

const orgFields = {
  name: requiredTextSchema(100),
  nameKana: textSchema(100).nullable().optional(),
  lgCode: lgCodeSchema.nullable().optional(),
  municipalityType: municipalityTypeSchema.nullable().optional(),
  population: z.number().int().min(0).max(50_000_000).nullable().optional(),
};

function requireLgCodeForMunicipality(
  value: { kind?: OrgKind; lgCode?: string | null | undefined },
  ctx: z.RefinementCtx,
) {
  if (value.kind === 'municipality' && !value.lgCode) {
    ctx.addIssue({ code: 'custom', path: ['lgCode'], message: 'lgCode.required' });
  }
}

export const createOrgSchema = z
  .strictObject({
    kind: orgKindSchema,
    ...orgFields,
    /** Optional first org admin, invited by e-mail when the organisation is created. */
    adminEmail: z.string().trim().max(254).pipe(z.email()).optional(),
  })
  .superRefine(requireLgCodeForMunicipality);
export type CreateOrgInput = z.infer<typeof createOrgSchema>;

export const updateOrgSchema = z.strictObject({
  name: orgFields.name.optional(),
  nameKana: orgFields.nameKana,
  lgCode: orgFields.lgCode,
  municipalityType: orgFields.municipalityType,
  population: orgFields.population,
});
export type UpdateOrgInput = z.infer<typeof updateOrgSchema>;

export const orgSummarySchema = orgSchema.extend({
  memberCount: z.number().int(),
  departmentCount: z.number().int(),
});
export type OrgSummary = z.infer<typeof orgSummarySchema>;

/** An entry of the national list of local governments, offered when registering a municipality. */
export const localGovernmentSchema = z.object({
  lgCode: z.string(),
  name: z.string(),
  fullName: z.string(),
  kana: z.string(),
  prefectureCode: z.string(),
  prefectureName: z.string(),
  municipalityType: municipalityTypeSchema,
});
export type LocalGovernment = z.infer<typeof localGovernmentSchema>;
