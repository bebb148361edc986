/**
 * Builds the extension once (Chrome and Firefox) before the test files run in parallel, so the end-to-end
 * and build tests share one build and never run two WXT builds at the same time.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ROOT } from '../scripts/browser';

export default async function setup(): Promise<void> {
  const run = promisify(execFile);
  await run('npx', ['wxt', 'build'], { cwd: ROOT, maxBuffer: 16 * 2 ** 20 });
  await run('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: ROOT, maxBuffer: 16 * 2 ** 20 });
}
