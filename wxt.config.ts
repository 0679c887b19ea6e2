import { resolve } from 'node:path';
import { defineConfig } from 'wxt';

// The production build is what the end-to-end tests and `npm start` load.
const browserLite = resolve(import.meta.dirname, 'lib/browser-lite.ts');

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  hooks: {
    // The content script uses the browser's own promise API instead of webextension-polyfill:
    // the polyfill alone costs more than the 2.5 ms budget per CalJOBS page load (lib/browser-lite.ts).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entry) => entry.type === 'content-script' || entry.name === 'assistant')) return;
      const lite = [
        { find: /^wxt\/browser$/, replacement: browserLite },
        { find: /^webextension-polyfill$/, replacement: browserLite },
      ];
      config.resolve ??= {};
      const existing = config.resolve.alias;
      const list = Array.isArray(existing)
        ? existing
        : Object.entries(existing ?? {}).map(([find, replacement]) => ({ find, replacement: String(replacement) }));
      config.resolve.alias = [...lite, ...list.filter((a) => String(a.find) !== 'wxt/browser')];
    },
  },
  manifest: ({ browser }) => ({
    name: 'CalJOBS Credential Assistant',
    description:
      'Checks WIOA credentials as you enter them in CalJOBS, with the DOL credential decision tree and the help-sheet walkthrough.',
    // storage: office defaults; sidePanel: the panel (Chrome/Edge). No host permission beyond the
    // content script's own match on CalJOBS.
    permissions: browser === 'firefox' ? ['storage'] : ['storage', 'sidePanel'],
    // The assistant proper is loaded by the small content script only on credential pages, so other
    // CalJOBS pages do not pay for it (Performance in the README). Readable by CalJOBS pages only.
    web_accessible_resources:
      browser === 'firefox'
        ? ['assistant.js']
        : [{ resources: ['assistant.js'], matches: ['https://www.caljobs.ca.gov/*'] }],
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
