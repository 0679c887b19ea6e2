import type { RememberedChoices } from '@/lib/settings/choices';

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What this browser remembers from CalJOBS forms, and a way to forget it. */
export function RememberedLists(props: { choices: RememberedChoices; busy: boolean; onForget: () => void }) {
  const { choices } = props;
  const regions = choices.regions?.texts.length ?? 0;
  const offices = choices.offices.reduce((sum, list) => sum + list.texts.length, 0);
  const codes = choices.agencyCodes.length;
  const empty = regions + offices + codes === 0;
  return (
    <section className="remembered" aria-labelledby="remembered-title">
      <h2 id="remembered-title">Lists seen on CalJOBS</h2>
      {empty ? (
        <p>
          None yet. When a Create Credential form or an Agency Code Search is open in CalJOBS, this browser remembers its
          LWIA/Region and Office Location choices and agency codes, to offer them above.
        </p>
      ) : (
        <>
          <p>
            This browser remembers {count(regions, 'region', 'regions')}, {count(offices, 'office', 'offices')} and{' '}
            {count(codes, 'agency code', 'agency codes')} seen on CalJOBS: office names and codes only, never participant
            information. A list seen again replaces the one remembered.
          </p>
          <button type="button" className="secondary" aria-disabled={props.busy || undefined} onClick={props.onForget}>
            Forget these lists
          </button>
        </>
      )}
    </section>
  );
}
