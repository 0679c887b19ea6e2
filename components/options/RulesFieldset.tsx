import { CheckboxInput } from './fields';

export const RULE_IDS = { requireAgencyCode: 'require-agency-code', autoFill: 'auto-fill' } as const;

/** The switches every profile shares: LA County's agency-code rule and automatic filling. */
export function RulesFieldset(props: {
  requireAgencyCode: boolean;
  autoFill: boolean;
  locked: { requireAgencyCode: boolean; autoFill: boolean };
  onChange: (patch: { requireAgencyCode?: boolean; autoFill?: boolean }) => void;
}) {
  return (
    <fieldset>
      <legend>Rules</legend>
      <p className="fieldset-hint">These apply to every office profile.</p>
      <CheckboxInput
        id={RULE_IDS.requireAgencyCode}
        label="Require an agency code"
        hint="Flag a credential that has no Agency Code. Los Angeles County requires one on every credential."
        checked={props.requireAgencyCode}
        locked={props.locked.requireAgencyCode}
        onChange={(checked) => props.onChange({ requireAgencyCode: checked })}
      />
      <CheckboxInput
        id={RULE_IDS.autoFill}
        label="Fill office defaults automatically"
        hint="Fill empty office fields on the credential form with the defaults of the profile in use. You can still change them before saving."
        checked={props.autoFill}
        locked={props.locked.autoFill}
        onChange={(checked) => props.onChange({ autoFill: checked })}
      />
    </fieldset>
  );
}
