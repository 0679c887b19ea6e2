import { resolve } from 'node:path';
import { minify } from 'terser';
import { defineConfig } from 'wxt';

// The production build is what the end-to-end tests and `npm start` load.
const browserLite = resolve(import.meta.dirname, 'lib/util/browser-lite.ts');
const definePageScript = resolve(import.meta.dirname, 'lib/util/define-page-script.ts');

/**
 * The page-side scripts start as WXT's plugins' start (none today: it compiles to nothing) and
 * `definition.main()`, without the rest of WXT's wrapper around that call: it keeps `main`'s result
 * (nothing reads it: each script has `globalName: false`) and catches `main`'s error only to log it in
 * development and throw it again, which the browser does by itself. With lib/util/define-page-script.ts
 * in place of WXT's `defineUnlistedScript`, the minifier then reduces each script to
 * `({ main() {…} }).main()`: 0.16 KB gzipped of the page-side script (issue 15's size budget). If WXT's
 * wrapper no longer reads so, the build stops here rather than ship a script that does not start.
 */
const UNLISTED_ENTRY = '\0virtual:wxt-unlisted-script-entrypoint?';
const plainEntry = {
  name: 'caljobs-plain-entry',
  transform(code: string, id: string) {
    if (!id.startsWith(UNLISTED_ENTRY)) return null;
    const from = /^import definition from (".*?");$/m.exec(code)?.[1];
    const plugins = /^import \{ initPlugins \} from (".*?");$/m.exec(code)?.[1];
    if (!from || !plugins || !code.includes('initPlugins();') || !code.includes('definition.main()')) {
      throw new Error(`caljobs-plain-entry: WXT's unlisted-script wrapper changed (${id}); see wxt.config.ts`);
    }
    return `import definition from ${from};\nimport { initPlugins } from ${plugins};\ninitPlugins();\ndefinition.main();\n`;
  },
};

/**
 * V8's explicit compile hint (https://v8.dev/blog/explicit-compile-hints) at the top of every page-side
 * script: Chromium compiles each function with the script, once, instead of pre-parsing it and
 * compiling it again at its first call. Almost every function of these scripts runs at each load, so
 * the second pass was pure cost; measured side by side (README, Performance): the unrelated page
 * +0.59 → +0.35 ms, the form +2.52 → +1.74 ms. Added after minifying (a minifier drops comments); a
 * source map, when built, is moved down a line with it. Other engines read a comment.
 */
const COMPILE_HINT = '//# allFunctionsCalledOnLoad';
const compileHint = {
  name: 'caljobs-compile-hint',
  async generateBundle(_options: unknown, bundle: Record<string, { type: string; fileName: string; code?: string; source?: unknown }>) {
    // A second minifier over the first one's output (not in source-map or profile builds): terser, three
    // passes, finds what the default one leaves: 0.5 KB gzipped of assistant.js, 0.1 of the gate and of
    // the page world (issue 15's size budget). Safe options only, and ASCII only (a content script must
    // be UTF-8: with escapes it cannot be anything else); the end-to-end tests run on this output.
    if (!process.env.SOURCEMAP_BUILD && !process.env.PROFILE_BUILD) {
      for (const file of Object.values(bundle)) {
        if (file.type === 'chunk' && file.fileName.endsWith('.js')) file.code = (await minify(file.code ?? '', { compress: { passes: 3 }, mangle: true, ecma: 2020, format: { ascii_only: true } })).code ?? file.code;
      }
    }
    for (const file of Object.values(bundle)) {
      // The map written is the `.js.map` asset (already serialized here), not the chunk's `map` object.
      if (file.type === 'chunk' && file.fileName.endsWith('.js')) file.code = `${COMPILE_HINT}\n${file.code ?? ''}`;
      else if (file.fileName.endsWith('.js.map') && typeof file.source === 'string') {
        const map = JSON.parse(file.source) as { mappings: string };
        map.mappings = `;${map.mappings}`;
        file.source = JSON.stringify(map);
      }
    }
  },
};

/**
 * The shadow roots' styles (lib/render/styles.ts) as the browser needs them: the spaces and line breaks
 * around braces, colons, semicolons and commas, written for people, are taken out at build time
 * (0.1 KB gzipped of the page-side script; issue 15's size budget). Only inside that file's template
 * literals, which hold nothing but CSS.
 */
const compactStyles = {
  name: 'caljobs-compact-styles',
  transform(code: string, id: string) {
    if (!id.replace(/\\/g, '/').endsWith('/lib/render/styles.ts')) return null;
    return code.replace(/`[^`]*`/g, (css) => css.replace(/\s*\n\s*/g, '').replace(/\s*([{};,])\s*/g, '$1').replace(/: /g, ':').replace(/;}/g, '}'));
  },
};

export default defineConfig({
  // Manifest V3 for every browser, Firefox included: only MV3's web_accessible_resources take
  // `matches`, which keep the files the content script loads readable by CalJOBS pages alone (MV2
  // Firefox would expose them to every site). README, "Choices that differ from the stack".
  manifestVersion: 3,
  // `PROFILE_BUILD=1`: readable function names for scripts/profile.mjs; `SOURCEMAP_BUILD=1`: source maps
  // for scripts/bundle-sizes.mjs. Neither is ever shipped.
  vite: () => (process.env.PROFILE_BUILD ? { build: { minify: false } } : process.env.SOURCEMAP_BUILD ? { build: { sourcemap: true } } : {}),
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons'],
  // Every icon size the stores ask for (Chrome 16/32/48/128, Firefox 48/96), drawn from one SVG.
  autoIcons: { baseIconPath: 'assets/icon.svg', sizes: [128, 96, 48, 32, 16] },
  hooks: {
    // The content script uses the browser's own promise API instead of webextension-polyfill:
    // the polyfill alone costs more than the 2.5 ms budget per CalJOBS page load (lib/util/browser-lite.ts).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entry) => entry.type === 'content-script' || ['assistant', 'caljobs-gate', 'structure-report', 'page-world'].includes(entry.name))) return;
      const lite = [
        { find: /^wxt\/browser$/, replacement: browserLite },
        { find: /^webextension-polyfill$/, replacement: browserLite },
        { find: /^wxt\/utils\/define-unlisted-script$/, replacement: definePageScript },
      ];
      config.resolve ??= {};
      const existing = config.resolve.alias;
      const list = Array.isArray(existing)
        ? existing
        : Object.entries(existing ?? {}).map(([find, replacement]) => ({ find, replacement: String(replacement) }));
      config.resolve.alias = [...lite, ...list.filter((a) => String(a.find) !== 'wxt/browser')];
      config.plugins = [...(config.plugins ?? []), plainEntry, compactStyles, compileHint];
    },
  },
  manifest: ({ browser }) => ({
    name: 'CalJOBS Credential Assistant',
    description:
      'Checks WIOA credentials as you enter them in CalJOBS, with the DOL credential decision tree and the help-sheet walkthrough.',
    // storage: office defaults; sidePanel: the panel (Chrome/Edge); scripting + the host permission
    // for CalJOBS alone (the content script's own match, so no new warning): the worker puts the
    // assistant into a CalJOBS frame when the content script asks (lib/messaging/page-scripts.ts).
    permissions: browser === 'firefox' ? ['storage', 'scripting'] : ['storage', 'sidePanel', 'scripting'],
    host_permissions: ['https://www.caljobs.ca.gov/*'],
    // The content script: a tiny gate on every CalJOBS page (entrypoints/caljobs-gate.ts), in all
    // frames because CalJOBS may show the form in a frame.
    content_scripts: [
      {
        matches: ['https://www.caljobs.ca.gov/*'],
        all_frames: true,
        run_at: 'document_idle',
        js: ['caljobs-gate.js'],
      },
      // In the page's own world: the first look at the page, where the DOM's objects already exist
      // (lib/page/page-look.ts), and the watch that lets the Save guard see a Save a script posts with
      // form.submit() (lib/actions/page-posts.ts). A few lines, no extension API.
      {
        matches: ['https://www.caljobs.ca.gov/*'],
        all_frames: true,
        run_at: 'document_idle',
        world: 'MAIN',
        js: ['page-world.js'],
      },
    ],
    // The assistant proper (with the lookup-window help) and the support report are put into a page by
    // the worker, only where needed, so other CalJOBS pages do not pay for them (Performance in the
    // README). No file of the extension is readable by any page: no web_accessible_resources.
    action: { default_title: 'CalJOBS Credential Assistant' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'caljobs-credential-assistant@lacounty.example',
              // 140 is the current ESR and the first to know data_collection_permissions.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : { storage: { managed_schema: 'managed-schema.json' } }),
  }),
});
