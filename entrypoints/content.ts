import browser from 'webextension-polyfill';
import { auditDocument, toResult } from '@/lib/audit';
import { looksLikeReport } from '@/lib/detect/quick';
import type { Message } from '@/lib/messages';

export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  runAt: 'document_idle',
  main() {
    const run = async (force: boolean) => {
      if (!force && !looksLikeReport(document)) return;
      let msg: Message;
      try {
        msg = {
          type: 'audit-done',
          url: location.href,
          result: toResult(auditDocument(document, location.href)),
        };
      } catch (err) {
        msg = {
          type: 'audit-failed',
          url: location.href,
          error: err instanceof Error ? err.message : String(err),
        };
      }
      await browser.runtime.sendMessage(msg).catch(() => undefined);
    };
    browser.runtime.onMessage.addListener((raw: unknown) => {
      if ((raw as Message | undefined)?.type === 'run-audit') void run(true);
      return undefined;
    });
    void run(false);
  },
});
