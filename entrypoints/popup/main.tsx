import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { TabState } from '@/lib/messages';
import type { Finding, Severity } from '@/lib/model/schema';
import { counts } from '@/lib/summary';
import './style.css';

const SEVERITY: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

async function loadState(): Promise<{ tabId: number | null; state: TabState | null }> {
  const param = new URLSearchParams(location.search).get('tabId');
  const tabId = param
    ? Number(param)
    : ((await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id ?? null);
  if (tabId === null) return { tabId, state: null };
  const raw = await browser.runtime.sendMessage({ type: 'get-result', tabId });
  const parsed = TabState.safeParse(raw);
  return { tabId, state: parsed.success ? parsed.data : null };
}

function FindingItem({ f }: { f: Finding }) {
  return (
    <li
      class={`finding ${f.severity}`}
      data-finding-id={f.id}
      data-rule={f.ruleId}
      data-severity={f.severity}
    >
      <div class="title">
        <span class="sev">{SEVERITY[f.severity]}</span> {f.title.zh}
      </div>
      <div class="msg">{f.message.zh}</div>
    </li>
  );
}

function App() {
  const [data, setData] = useState<{ tabId: number | null; state: TabState | null } | null>(null);
  useEffect(() => {
    loadState()
      .then(setData)
      .catch(() => setData({ tabId: null, state: null }));
  }, []);
  if (!data) return <p class="muted">正在读取…</p>;
  const { tabId, state } = data;
  const audit = () => {
    if (tabId !== null) void browser.tabs.sendMessage(tabId, { type: 'run-audit' }).catch(() => undefined);
    setTimeout(() => void loadState().then(setData), 800);
  };
  if (!state?.result) {
    return (
      <main>
        <h1>年报巡检</h1>
        <p class="muted">
          {state?.error ? `审核出错：${state.error}` : '本页未识别为政府信息公开工作年度报告。'}
        </p>
        <button type="button" onClick={audit}>
          仍然审核此页
        </button>
      </main>
    );
  }
  const r = state.result;
  const c = counts(r);
  return (
    <main>
      <h1>年报巡检</h1>
      <p class="meta">
        {r.report.agency ?? '未知机关'} · {r.report.reportYear ?? '?'} 年度 · 发布{' '}
        {r.report.publishedAt ?? '未知'}
      </p>
      <p class="counts">
        <span class="error">错误 {c.error}</span> <span class="warning">警告 {c.warning}</span>{' '}
        <span class="info">提示 {c.info}</span>
      </p>
      <ul class="findings">
        {r.findings.map((f) => (
          <FindingItem key={f.id} f={f} />
        ))}
      </ul>
    </main>
  );
}

const root = document.getElementById('app');
if (root) render(<App />, root);
