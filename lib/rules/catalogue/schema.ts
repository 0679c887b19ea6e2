import * as z from 'zod/mini';
import { SOURCE_IDS } from '../sources';
import { assertType, type Equal } from '../../util/type-assert';
import { BASES, CREDENTIAL_TYPES, ISSUER_KINDS, SKILL_KINDS, VERDICTS, type CatalogueEntry } from './types';

/**
 * The catalogue's zod schema (types in types.ts). The side panel parses the catalogue with it when it
 * loads (catalogue.ts) and the unit tests hold every entry to it; the content script never loads it.
 */
const text = (max: number) => z.string().check(z.minLength(2), z.maxLength(max), z.regex(/^\S(.*\S)?$/, 'No leading or trailing spaces.'));

export const CatalogueEntrySchema = z
  .object({
    id: z.string().check(z.regex(/^[a-z][a-z0-9-]*$/, 'Use lowercase letters, digits and dashes.')),
    name: text(80),
    aliases: z.array(text(60)),
    unless: z.optional(z.array(text(40)).check(z.minLength(1))),
    issuer: z.nullable(z.enum(ISSUER_KINDS)),
    type: z.nullable(z.enum(CREDENTIAL_TYPES)),
    skills: z.nullable(z.enum(SKILL_KINDS)),
    verdict: z.enum(VERDICTS),
    short: text(60),
    why: text(240),
    condition: z.optional(text(200)),
    basis: z.enum(BASES),
    source: z.enum(SOURCE_IDS),
  })
  .check(
    z.refine((e) => (e.verdict === 'counts-if') === (e.condition !== undefined), 'A counts-if entry needs a condition; others must not have one.'),
    z.refine((e) => (e.verdict === 'depends') === (e.basis === 'depends'), 'A "depends" verdict goes with a "depends" basis, and only with it.'),
    z.refine((e) => e.verdict !== 'depends' || e.skills === null, 'A "depends" entry must not pre-answer the deciding skills question.'),
  );

export const CatalogueSchema = z
  .array(CatalogueEntrySchema)
  .check(z.refine((entries) => new Set(entries.map((e) => e.id)).size === entries.length, 'Entry ids must be unique.'));

assertType<Equal<z.infer<typeof CatalogueEntrySchema>, CatalogueEntry>>();

export function parseCatalogue(raw: unknown): CatalogueEntry[] {
  const parsed = CatalogueSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`The credential catalogue is not valid: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
