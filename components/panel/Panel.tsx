import { useMemo, useState } from 'react';
import { DecisionTree } from '@/components/decision-tree/DecisionTree';
import { Walkthrough } from '@/components/walkthrough/Walkthrough';
import { pageFactsFrom } from '@/lib/decision-tree/page-facts';
import { ChecksTab } from './ChecksTab';
import { ProfileSwitcher } from './ProfileSwitcher';
import { StructureReport } from './StructureReport';
import { Tabs } from './Tabs';
import { useAttachedTab } from './useAttachedTab';
import './panel.css';

/** The side panel: Checks, Decision tree, Walkthrough for the attached CalJOBS tab. */
export function Panel() {
  const attached = useAttachedTab();
  const [tab, setTab] = useState('checks');
  const snapshot = attached.state?.snapshot ?? null;
  const credentialText = snapshot?.page === 'credential-form' && snapshot.form.credential.chosen ? snapshot.form.credential.text : undefined;
  const facts = pageFactsFrom(snapshot);
  // Keep the facts object stable while the facts are the same, so the tree does not reset.
  const pageFacts = useMemo(() => facts, [credentialText, facts.timing]); // eslint-disable-line react-hooks/exhaustive-deps
  const today = useMemo(() => new Date(), []);
  const showMe = (spot: string) => {
    attached.showSpot(spot).catch(() => undefined);
  };
  return (
    <div className="panel">
      <header className="panel-header">
        <h1>CalJOBS Credential Assistant</h1>
        <ProfileSwitcher />
      </header>
      <Tabs
        selected={tab}
        onSelect={setTab}
        tabs={[
          {
            id: 'checks',
            label: 'Checks',
            content: (
              <>
                <ChecksTab state={attached.state} settled={attached.settled} onShowMe={showMe} onOpenWalkthrough={() => setTab('walkthrough')} />
                {attached.state ? <StructureReport load={attached.pageStructure} /> : null}
              </>
            ),
          },
          { id: 'tree', label: 'Decision tree', content: <DecisionTree pageFacts={pageFacts} today={today} /> },
          {
            id: 'walkthrough',
            label: 'Walkthrough',
            content: (
              <Walkthrough
                snapshot={snapshot}
                findings={attached.state?.findings ?? []}
                spots={attached.state?.spots ?? []}
                onShowMe={showMe}
                onOpenDecisionTree={() => setTab('tree')}
              />
            ),
          },
        ]}
      />
    </div>
  );
}
