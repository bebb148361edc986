/**
 * Extension contexts (pages, worker, content scripts) forbid eval by their CSP, so zod's compiled fast path
 * is never available there. Say so before the first parse: zod then skips its `new Function` probe, which
 * even when caught is reported as a CSP violation (in a content script, to the page it runs in).
 */
import { config } from 'zod/mini';

config({ jitless: true });
