import { useMemo, useState } from 'react';
import { DecisionTree } from '@/components/decision-tree/DecisionTree';
import { DoesItCount } from '@/components/does-it-count/DoesItCount';
import { Walkthrough } from '@/components/walkthrough/Walkthrough';
import { catalogueSuggestion, type CatalogueSuggestion } from '@/lib/decision-tree';
import { pageFactsFrom } from '@/lib/decision-tree/page-facts';
import { formSearch } from '@/lib/rules/catalogue/form-search';
import { ChecksTab } from './ChecksTab';
import { ProfileSwitcher } from './ProfileSwitcher';
import { StructureReport } from './StructureReport';
import { Tabs } from './Tabs';
import { useAttachedTab } from './useAttachedTab';
import './panel.css';

/** The side panel: Checks, Decision tree, Does it count?, Walkthrough for the attached CalJOBS tab. */
export function Panel() {
  const attached = useAttachedTab();
  const [tab, setTab] = useState('checks');
  const snapshot = attached.state?.snapshot ?? null;
  const credentialText = snapshot?.page === 'credential-form' && snapshot.form.credential.chosen ? snapshot.form.credential.text : undefined;
  const facts = pageFactsFrom(snapshot);
  // Keep the facts object stable while the facts are the same, so the tree does not reset.
  const pageFacts = useMemo(() => facts, [credentialText, facts.timing]); // eslint-disable-line react-hooks/exhaustive-deps
  const today = useMemo(() => new Date(), []);
  // "Walk the decision tree" from Does it count?: a new walk (key) with the entry's suggestions; focus
  // goes to the tree only on that hand-over, not when the user opens the tab later.
  const [treeSeed, setTreeSeed] = useState<{ key: number; suggestion: CatalogueSuggestion | undefined; focus: boolean }>({
    key: 0,
    suggestion: undefined,
    focus: false,
  });
  const selectTab = (id: string) => {
    setTab(id);
    setTreeSeed((seed) => (seed.focus ? { ...seed, focus: false } : seed));
  };
  const fromForm = formSearch(snapshot?.page === 'credential-form' ? snapshot.form : null);
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
        onSelect={selectTab}
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
          {
            id: 'tree',
            label: 'Decision tree',
            content: (
              <DecisionTree
                key={treeSeed.key}
                pageFacts={pageFacts}
                suggestion={treeSeed.suggestion}
                focusOnStart={treeSeed.focus}
                today={today}
              />
            ),
          },
          {
            id: 'catalogue',
            label: 'Does it count?',
            content: (
              <DoesItCount
                fromForm={fromForm}
                today={today}
                onWalkTree={(entry) => {
                  setTreeSeed((seed) => ({ key: seed.key + 1, suggestion: entry ? catalogueSuggestion(entry) : undefined, focus: true }));
                  setTab('tree');
                }}
              />
            ),
          },
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
