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
// OCR files packaged with the extension (no CDN, no download at run time): tesseract.js's worker, its
// LSTM cores (wasm inside JS; the worker picks relaxed-SIMD, SIMD or plain) and the chi_sim model
const pkgDir = (name: string) => dirname(createRequire(import.meta.url).resolve(`${name}/package.json`));
const OCR_FILES = [
  [join(pkgDir('tesseract.js'), 'dist/worker.min.js'), 'tesseract/worker.min.js'],
  ...['', '-simd', '-relaxedsimd'].map((v) => [
    join(pkgDir('tesseract.js-core'), `tesseract-core${v}-lstm.wasm.js`),
    `tesseract/core/tesseract-core${v}-lstm.wasm.js`,
  ]),
  [
    join(pkgDir('@tesseract.js-data/chi_sim'), '4.0.0_best_int/chi_sim.traineddata.gz'),
    'tesseract/lang/chi_sim.traineddata.gz',
  ],
] as const;

// See ARCHITECTURE.md. The extension is a thin shell around lib/ (the audit engine).
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  publicDir: 'assets/public',
  vite: () => ({ plugins: [preact()], build: process.env.NIANBAO_NO_MINIFY ? { minify: false } : {} }),
  hooks: {
    'build:publicAssets': (wxt, files) => {
      files.push(...pdfjsData('cmaps'), ...pdfjsData('standard_fonts'));
      if (wxt.config.browser === 'firefox') return; // no offscreen document there (README: OCR)
      for (const [absoluteSrc, relativeDest] of OCR_FILES) files.push({ absoluteSrc, relativeDest });
    },
    // the always-on detector is an unlisted script (a few KB, no runtime wrapper): run it on gov sites
    'build:manifestGenerated': (wxt, manifest) => {
      // Chromium: the OCR worker runs in an offscreen document (entrypoints/offscreen); its core is wasm,
      // which extension pages may compile only with 'wasm-unsafe-eval' (no other script source is allowed)
      if (wxt.config.browser !== 'firefox') {
        manifest.permissions = [...(manifest.permissions ?? []), 'offscreen'];
        manifest.content_security_policy = {
          extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';",
        };
      }
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        { matches: ['*://*.gov.cn/*'], js: ['detector.js'], run_at: 'document_start', all_frames: true },
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
