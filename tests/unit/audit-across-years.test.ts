/**
 * auditAcrossYears asks the look-up for the report's identity (year and body, as extraction found them)
 * once the page is extracted (after the work between extraction and the rules: OCR in the CLI), and the
 * cross-year rules compare with the answer; a look-up that throws, fails or is late means no previous year.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';
import type { Budget } from '../../lib/budget';
import { blocksFromDocument } from '../../lib/extract/blocks';
import { agencyKey, type ReportSnapshot } from '../../lib/history/snapshot';
import {
  auditAcrossYears,
  boundedLookup,
  PREVIOUS_WAIT_MS,
  type ReportIdentity,
} from '../../lib/history/with-store';
import { previousYear, thisYear } from '../fixtures/history';
import { simpleT2 } from '../fixtures/report-html';

const opts = { now: '2026-11-22' };
const read = (html: string) => {
  const { document } = parseHTML(html);
  return (time: Budget) => blocksFromDocument(document as unknown as Document, null, time);
};

// last year carried 2 forward; this year says 1 was carried over: history-carry-over, with the previous year
const prev = previousYear({ t2: { ...simpleT2(5), forward: [2, 0, 0, 0, 0, 0, 2] } });
const page = thisYear({ t2: { ...simpleT2(5), carried: [1, 0, 0, 0, 0, 0, 1] } });
/** The carried-over row disagrees with last year's carried-forward one: 自然人 and the total. */
const CARRY = ['history-carry-over:t2:carried:np', 'history-carry-over:t2:carried:total'];
const carryOver = (ids: string[]) => ids.filter((id) => id.startsWith('history-carry-over'));

describe('auditAcrossYears: the previous year for the extracted identity', () => {
  it('asks once, with the extracted year and body, after the work before the rules; the rules compare with the answer', async () => {
    const events: string[] = [];
    const asked: ReportIdentity[] = [];
    const out = await auditAcrossYears(
      read(page),
      async (id) => {
        events.push('asked');
        asked.push(id);
        return prev;
      },
      opts,
      'html',
      async (ex) => {
        events.push(`extracted ${ex.report.reportYear}`);
      },
    );
    expect(events).toEqual(['extracted 2024', 'asked']);
    expect(asked).toEqual([{ year: 2024, agency: out.report.agency }]);
    expect(out.report.agency).not.toBeNull();
    expect(carryOver(out.findings.map((f) => f.id))).toEqual(CARRY);
  });

  it('a look-up that throws is no previous year: the audit stands without the cross-year findings', async () => {
    let calls = 0;
    const out = await auditAcrossYears(
      read(page),
      () => {
        calls++;
        throw new Error('store gone');
      },
      opts,
    );
    expect(calls).toBe(1);
    expect(carryOver(out.findings.map((f) => f.id))).toHaveLength(0);
    expect(out.coverage.rules['history-carry-over']).toBe('not-applicable');
  });

  it('boundedLookup: an answer later than the wait (or a failure) is no previous year', async () => {
    const budget: Budget = { ms: 30, elapsed: () => 0, expired: () => false } as unknown as Budget;
    const never = boundedLookup(() => new Promise<ReportSnapshot | null>(() => undefined));
    expect(await never({ year: 2024, agency: '某局' }, budget)).toBeNull();
    const failing = boundedLookup(() => Promise.reject(new Error('x')));
    expect(await failing({ year: 2024, agency: '某局' }, budget)).toBeNull();
    const keys: (string | null)[] = [];
    const fine = boundedLookup(async (_y, key) => {
      keys.push(key);
      return prev;
    });
    const name = '示例县 市场监督管理局';
    expect(await fine({ year: 2024, agency: name }, budget)).toBe(prev);
    // the background and the store are asked by the body's key, not by its name as written
    expect(agencyKey(name)).not.toBe(name);
    expect(keys).toEqual([agencyKey(name)]);
  });

  it('boundedLookup waits PREVIOUS_WAIT_MS at most, however much budget is left', async () => {
    vi.useFakeTimers();
    try {
      const unlimited = {
        ms: Number.POSITIVE_INFINITY,
        elapsed: () => 0,
        expired: () => false,
      } as unknown as Budget;
      let settled = false;
      const answer = boundedLookup(() => new Promise<ReportSnapshot | null>(() => undefined))(
        { year: 2024, agency: null },
        unlimited,
      ).then((v) => {
        settled = true;
        return v;
      });
      await vi.advanceTimersByTimeAsync(PREVIOUS_WAIT_MS - 1);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(await answer).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });
});
