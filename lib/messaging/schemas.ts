import * as z from 'zod/mini';
import { CredentialForm, FieldKey, PageSnapshot } from '../page/snapshot-schema';
import { KNOWN_SPOTS } from '../page/snapshot';
import { SOURCE_IDS } from '../rules/sources';
import { AgencyCode, OfficeProfile, ProfileId, Settings, UserSettings } from '../settings/schema';
import { RememberedChoicesSchema } from '../settings/choices-schema';
import { LIMITS, type EffectiveSettingsWithProfiles } from '../settings/defaults';
import { lazy } from '../util/lazy';
import { assertType, type Equal } from '../util/type-assert';
import type * as T from './protocol';

/**
 * zod schemas of the protocol's messages (types in protocol.ts), used where messages are received by
 * extension pages and the worker. The content script does not load zod (see protocol.ts).
 */
export { onMessage, sendMessage, type ProtocolMap, type PageState } from './protocol';

export const FindingSchema = /*#__PURE__*/ lazy(() =>
  z.object({
    id: z.string(),
    severity: z.enum(['error', 'warning', 'info']),
    field: z.nullable(FieldKey),
    message: z.string(),
    detail: z.string(),
    source: z.enum(SOURCE_IDS as [T.Finding['source'], ...T.Finding['source'][]]),
    copy: z.optional(z.string()),
  }),
);

export const PageStateSchema = /*#__PURE__*/ lazy(() =>
  z.object({
    snapshot: PageSnapshot,
    findings: z.array(FindingSchema),
    spots: z.array(z.enum(KNOWN_SPOTS)),
  }),
);

// ---- Office profiles and remembered CalJOBS lists (issue 13) --------------------------------------

export const SaveSettingsRequest = /*#__PURE__*/ lazy(() => z.object({ settings: UserSettings }));

export { RememberedChoicesSchema };

const SETTING_KEYS = ['region', 'office', 'agencyCode', 'requireAgencyCode', 'autoFill', 'checks'] as const;

/** What `getSettings` (and the other settings messages) answer, checked where extension pages receive it. */
export const EffectiveSettingsSchema = /*#__PURE__*/ lazy(() =>
  z.object({
    settings: Settings,
    locked: z.array(z.enum(SETTING_KEYS)),
    problems: z.array(z.string()),
    profiles: z.array(OfficeProfile),
    activeProfileId: ProfileId,
  }),
);

const required = (label: string, max: number) =>
  z.string().check(
    z.refine((text) => text.trim() !== '', `${label} is empty on the form.`),
    z.refine((text) => text.trim().length <= max, `${label} is longer than ${max} characters.`),
  );

export const MakeOfficeDefaultsRequest = /*#__PURE__*/ lazy(() =>
  z.object({
    region: required('LWIA/Region', LIMITS.text),
    office: required('Office Location', LIMITS.text),
    agencyCode: required('Agency Code', LIMITS.agencyCode).check(
      z.refine((code) => /^[A-Za-z0-9-]+$/.test(code.trim()), 'The agency code should be letters, digits and dashes only.'),
    ),
    agencyName: z.string().check(z.refine((name) => name.trim().length <= LIMITS.text, `The agency name is longer than ${LIMITS.text} characters.`)),
  }),
);

const OfficeFieldsSchema = () =>
  z.object({
    region: z.string().check(z.maxLength(LIMITS.text)),
    office: z.string().check(z.maxLength(LIMITS.text)),
    agencyCode: AgencyCode,
  });

export const UndoOfficeDefaultsRequest = /*#__PURE__*/ lazy(() =>
  z.object({ undo: z.object({ profileId: z.string().check(z.maxLength(LIMITS.profileId)), before: OfficeFieldsSchema(), after: OfficeFieldsSchema() }) }),
);

export const SetActiveProfileRequest = /*#__PURE__*/ lazy(() => z.object({ profileId: z.string().check(z.maxLength(LIMITS.profileId)) }));

assertType<Equal<z.infer<typeof EffectiveSettingsSchema>, EffectiveSettingsWithProfiles>>();
assertType<Equal<z.infer<typeof MakeOfficeDefaultsRequest>, Parameters<T.ProtocolMap['makeOfficeDefaults']>[0]>>();
assertType<Equal<z.infer<typeof UndoOfficeDefaultsRequest>, Parameters<T.ProtocolMap['undoOfficeDefaults']>[0]>>();
// ---- end of office profiles and remembered lists ----------------------------------------------------

assertType<Equal<z.infer<typeof PageStateSchema>, T.PageState>>();

/** `loadPageScript` (issue 15): which of our two page-side scripts the frame asks for, nothing else. */
export const LoadPageScriptRequest = /*#__PURE__*/ lazy(() => z.object({ script: z.enum(['assistant', 'structure-report']) }));
assertType<Equal<z.infer<typeof LoadPageScriptRequest>, Parameters<T.ProtocolMap['loadPageScript']>[0]>>();

/**
 * The rows a lookup window sends (`activityMarksForLookup`, `agencyCodesForLookup`; issue 14): at most
 * 1,000 rows, each with its named cells only (anything else is dropped), each a text of at most 200
 * characters. Answered by lib/messaging/lookups.ts.
 */
const LOOKUP_ROWS = 1000;
const LOOKUP_ROW_TEXT = 200;
const lookupCell = () => z.string().check(z.maxLength(LOOKUP_ROW_TEXT));
export const ActivityRowsRequest = /*#__PURE__*/ lazy(() =>
  z.object({ rows: z.array(z.object({ code: lookupCell(), start: lookupCell() })).check(z.maxLength(LOOKUP_ROWS)) }),
);
export const AgencyRowsRequest = /*#__PURE__*/ lazy(() =>
  z.object({ rows: z.array(z.object({ code: lookupCell(), name: lookupCell() })).check(z.maxLength(LOOKUP_ROWS)) }),
);
assertType<Equal<z.infer<typeof ActivityRowsRequest>['rows'], Parameters<T.ProtocolMap['activityMarksForLookup']>[0]['rows']>>();
assertType<Equal<z.infer<typeof AgencyRowsRequest>, Parameters<T.ProtocolMap['agencyCodesForLookup']>[0]>>();

/** `checkForm` (issue 15): the form as the reader read it, nothing else. */
export const CheckFormRequest = /*#__PURE__*/ lazy(() => z.object({ form: CredentialForm }));
assertType<Equal<z.infer<typeof CheckFormRequest>, Parameters<T.ProtocolMap['checkForm']>[0]>>();
