#!/usr/bin/env node
import { dirname, resolve } from 'node:path';
// Runs a TypeScript entry (scripts/*.ts) through Vite's module runner, so lib/ loads exactly as it does in
// the extension build and the tests (import.meta.glob included). Usage: node scripts/run.mjs FILE.ts ARGS…
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run.mjs FILE.ts [ARGS…]');
  process.exit(2);
}
const { runnerImport } = await import('vite');
const { module } = await runnerImport(resolve(root, entry), {
  configFile: false,
  logLevel: 'silent',
  root,
  resolve: { alias: { '@/': `${root}/` } },
});
const code = await module.main(args);
process.exitCode = typeof code === 'number' ? code : 0;
