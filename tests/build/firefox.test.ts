import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/browser';

const run = promisify(execFile);

describe('the Firefox build', () => {
  it('is built (tests/global-setup.ts) and passes web-ext lint with no errors', async () => {
    const dir = join(ROOT, '.output', 'firefox-mv2');
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.manifest_version).toBe(2);
    expect(manifest.browser_specific_settings.gecko.id).toBeTruthy();
    expect(manifest.optional_permissions).toContain('*://*/*');
    const { stdout } = await run(
      'npx',
      ['web-ext', 'lint', '-s', dir, '-o', 'json', '--no-config-discovery'],
      {
        cwd: ROOT,
        maxBuffer: 16 * 2 ** 20,
      },
    ).catch((e: { stdout: string }) => ({ stdout: e.stdout }));
    const report = JSON.parse(stdout.slice(stdout.indexOf('{')));
    expect(report.errors, JSON.stringify(report.errors, null, 2)).toEqual([]);
  }, 120_000);
});
