import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// the document viewer's pdf.js data, packaged (never a CDN): predefined CMaps (Chinese PDFs with
// non-embedded fonts) and the standard fonts
const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const pdfjsData = (sub: string) =>
  readdirSync(join(PDFJS_DIR, sub)).map((f) => ({
    absoluteSrc: join(PDFJS_DIR, sub, f),
    relativeDest: `pdfjs/${sub}/${f}`,
  }));

// See ARCHITECTURE.md. The extension is a thin shell around lib/ (the audit engine).
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  publicDir: 'assets/public',
  vite: () => ({ plugins: [preact()], build: process.env.NIANBAO_NO_MINIFY ? { minify: false } : {} }),
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push(...pdfjsData('cmaps'), ...pdfjsData('standard_fonts'));
    },
    // the always-on detector is an unlisted script (a few KB, no runtime wrapper): run it on gov sites
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        { matches: ['*://*.gov.cn/*'], js: ['detector.js'], run_at: 'document_idle', all_frames: true },
      ];
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // least privilege: government sites only; elsewhere the page is audited on demand (activeTab)
    permissions: ['activeTab', 'scripting', 'storage', 'contextMenus'],
    host_permissions: ['*://*.gov.cn/*'],
    optional_host_permissions: ['*://*/*'],
    action: { default_title: '__MSG_extName__' },
    commands: {
      // Alt+Shift+A is taken in Chromium (no shortcut is given): tests/e2e/overlay-layout.test.ts reads them all
      'audit-page': {
        suggested_key: { default: 'Alt+Shift+Y' },
        description: '__MSG_auditThisPage__',
      },
      'capture-to-list': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_captureToListCommand__',
      },
      'open-side-panel': {
        suggested_key: { default: 'Alt+Shift+L' },
        description: '__MSG_openSidePanel__',
      },
    },
    ...(browser === 'firefox'
      ? {
          // MV2 has no optional_host_permissions: user-added sites are requested through optional_permissions
          optional_permissions: ['*://*/*'],
          browser_specific_settings: {
            gecko: {
              id: 'nianbao-inspector@example.org',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
