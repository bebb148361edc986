import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toResult } from '../../lib/audit';
import { BACKGROUND } from '../../lib/messages';
import { ENGINE } from '../../lib/messages-engine';
import { DEFAULT_SETTINGS, parseSettings, sitePattern } from '../../lib/settings';
import { badgeFor } from '../../lib/summary';
import { reportPage, simpleT2 } from '../fixtures/report-html';
import { auditHtml } from '../helpers';

describe('settings', () => {
  it('turns what a user types into a match pattern, or refuses it', () => {
    expect(sitePattern('www.example.org')).toBe('*://www.example.org/*');
    expect(sitePattern('https://Example.org:8080/a/b?c')).toBe('*://example.org/*');
    expect(sitePattern('*.example.org')).toBe('*://*.example.org/*');
    for (const bad of ['', 'localhost', 'not a host', 'javascript:alert(1)', '<img>'])
      expect(sitePattern(bad), bad).toBeNull();
  });
  it('falls back to defaults field by field', () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ lang: 'en', sites: 'nope', inspector: '张三' })).toEqual({
      ...DEFAULT_SETTINGS,
      lang: 'en',
      inspector: '张三',
    });
  });
});

describe('badge', () => {
  it('errors on red, warnings on amber, ✓ on green, ? when not fully read, nothing on non-reports', () => {
    const err = toResult(auditHtml(reportPage({ t2: { ...simpleT2(2), new: [2, 0, 0, 0, 0, 0, 3] } })));
    expect(badgeFor(err)).toEqual({
      text: String(err.findings.filter((f) => f.severity === 'error').length),
      color: '#d93025',
    });
    const warn = toResult(auditHtml(reportPage({ bodies: { 5: ['本年度问题：更新不及时。'] } })));
    expect(badgeFor(warn)).toEqual({ text: '1', color: '#b45309' });
    expect(badgeFor(toResult(auditHtml(reportPage({}))))).toEqual({ text: '✓', color: '#188038' });
    const partial = toResult(
      auditHtml(reportPage({ t2: { ...simpleT2(2), new: [2, '/', '/', '/', '/', '/', 2] } })),
    );
    expect(badgeFor(partial).text).toBe('?');
    expect(badgeFor(toResult(auditHtml('<html><body><p>新闻</p></body></html>'))).text).toBe('');
    expect(badgeFor(null).text).toBe('');
  });
});

describe('messages', () => {
  it('an audit result crosses contexts through its schema', () => {
    const result = toResult(auditHtml(reportPage({})));
    const msg = { type: 'audit-done', url: 'http://x.gov.cn/', result, order: [] };
    expect(BACKGROUND['audit-done'].request.safeParse(msg).success).toBe(true);
    expect(BACKGROUND['audit-done'].request.safeParse({ type: 'audit-done', url: 1 }).success).toBe(false);
    expect(ENGINE['focus-finding'].request.safeParse({ type: 'focus-finding', id: 'x' }).success).toBe(true);
    expect(Object.hasOwn(ENGINE, 'eval')).toBe(false);
  });
});

describe('UI strings', () => {
  it('Chinese and English have the same keys, none empty', () => {
    const load = (l: string) =>
      JSON.parse(
        readFileSync(join(__dirname, `../../assets/public/_locales/${l}/messages.json`), 'utf8'),
      ) as Record<string, { message: string }>;
    const zh = load('zh_CN');
    const en = load('en');
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const [k, v] of [...Object.entries(zh), ...Object.entries(en)])
      expect(v.message.length, k).toBeGreaterThan(0);
  });
});
