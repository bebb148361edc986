import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 20_000,
    // the command line keeps audited reports in the user's cache folder: tests get a fresh one of their own
    env: { XDG_CACHE_HOME: mkdtempSync(join(tmpdir(), 'nianbao-test-cache-')) },
  },
});
