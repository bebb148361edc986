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
    // the side panel is Firefox's sidebar; the detector runs from document_start (at DOMContentLoaded) and
    // the engine it asks for is packaged where the background injects it from
    expect(manifest.sidebar_action.default_panel).toBe('sidepanel.html');
    await expect(readFile(join(dir, 'sidepanel.html'), 'utf8')).resolves.toContain('<script');
    expect(manifest.content_scripts).toEqual([
      { matches: ['*://*.gov.cn/*'], js: ['detector.js'], run_at: 'document_start', all_frames: true },
    ]);
    await expect(readFile(join(dir, 'engine.js'), 'utf8')).resolves.toContain('年报巡检');
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
