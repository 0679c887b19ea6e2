import * as z from 'zod/mini';
import { lazy } from '../util/lazy';
import { CHOICE_BOUNDS, type RememberedChoices } from './choices';
import { assertType, type Equal } from '../util/type-assert';

/** The remembered lists' zod schema: what may be stored, and what the worker may answer. */

const day = () => z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const texts = (max: number) => z.array(z.string().check(z.maxLength(CHOICE_BOUNDS.text))).check(z.maxLength(max));

export const RememberedChoicesSchema = /*#__PURE__*/ lazy(() =>
  z.object({
    regions: z.nullable(z.object({ seen: day(), texts: texts(CHOICE_BOUNDS.regions) })),
    offices: z
      .array(z.object({ region: z.string().check(z.maxLength(CHOICE_BOUNDS.text)), seen: day(), texts: texts(CHOICE_BOUNDS.officesPerRegion) }))
      .check(z.maxLength(CHOICE_BOUNDS.officeLists)),
    agencyCodes: z
      .array(z.object({ code: z.string().check(z.maxLength(CHOICE_BOUNDS.code)), name: z.string().check(z.maxLength(CHOICE_BOUNDS.text)), seen: day() }))
      .check(z.maxLength(CHOICE_BOUNDS.agencyCodes)),
  }),
);
assertType<Equal<z.infer<typeof RememberedChoicesSchema>, RememberedChoices>>();
