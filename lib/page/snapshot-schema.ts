import * as z from 'zod/mini';
import { lazy } from '../util/lazy';
import type * as T from './snapshot';
import { FIELD_KEYS } from './snapshot';
import { assertType, type Equal } from '../util/type-assert';

/** zod schemas of the page snapshot (types in snapshot.ts): where it crosses a boundary, and in tests. */

export const TextValue = /*#__PURE__*/ lazy(() => z.object({ found: z.boolean(), text: z.string() }));

export const ChoiceValue = /*#__PURE__*/ lazy(() =>
  z.object({
    found: z.boolean(),
    chosen: z.boolean(),
    text: z.string(),
    code: z.optional(z.string()),
    options: z.optional(z.array(z.string())),
  }),
);

export const FieldKey = /*#__PURE__*/ lazy(() => z.enum(FIELD_KEYS));

export const CredentialForm = /*#__PURE__*/ lazy(() =>
  z.object({
    program: TextValue,
    applicationDate: TextValue,
    participationDate: TextValue,
    exitDate: TextValue,
    maximumDate: TextValue,
    region: ChoiceValue,
    office: ChoiceValue,
    credential: ChoiceValue,
    otherCredential: TextValue,
    verification: ChoiceValue,
    date: TextValue,
    activity: ChoiceValue,
    agencyCode: ChoiceValue,
    saveFound: z.boolean(),
  }),
);

export const CasePage = /*#__PURE__*/ lazy(() =>
  z.object({
    applicationExpanded: z.boolean(),
    credentialsExpanded: z.boolean(),
    createLinkFound: z.boolean(),
    credentialRows: z.number(),
  }),
);

export const PageSnapshot = /*#__PURE__*/ lazy(() =>
  z.discriminatedUnion('page', [
    z.object({ page: z.literal('credential-form'), form: CredentialForm }),
    z.object({ page: z.literal('case-page'), casePage: CasePage }),
    z.object({ page: z.literal('other') }),
  ]),
);

assertType<Equal<z.infer<typeof TextValue>, T.TextValue>>();
assertType<Equal<z.infer<typeof CredentialForm>['region'], T.ChoiceValue>>();
assertType<Equal<z.infer<typeof CasePage>, T.CasePage>>();
assertType<Equal<z.infer<typeof FieldKey>, T.FieldKey>>();
