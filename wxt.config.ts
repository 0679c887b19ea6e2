import { defineConfig } from 'wxt';

// The production build is what the end-to-end tests and `npm start` load.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: 'CalJOBS Credential Assistant',
    description:
      'Checks WIOA credentials as you enter them in CalJOBS, with the DOL credential decision tree and the help-sheet walkthrough.',
    // storage: office defaults; sidePanel: the panel (Chrome/Edge). No host permission beyond the
    // content script's own match on CalJOBS.
    permissions: browser === 'firefox' ? ['storage'] : ['storage', 'sidePanel'],
    action: { default_title: 'CalJOBS Credential Assistant' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'caljobs-credential-assistant@lacounty.example',
              strict_min_version: '115.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { storage: { managed_schema: 'managed-schema.json' } }),
  }),
});
