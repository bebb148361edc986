/**
 * Mark up a captured image before it goes into the issue list (markup.html?token=…, opened by the
 * background's markup-open): boxes, arrows, text notes and blurs over personal data, undo, and
 * 「保存到清单」, which hands the marked-up image to the background (the only writer of the list); the
 * original stays as the entry's plain copy. Shapes and pixelation: lib/evidence/markup.ts.
 */

import '../shared/zod-jitless';
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { drawAll, isEmpty, type Point, type Shape, type Tool } from '@/lib/evidence/markup';
import type { MarkupJob } from '@/lib/messages';
import type { Lang } from '@/lib/model/schema';
import { type MessageKey, t } from '../shared/i18n';
import { ask } from '../shared/messaging';
import '../shared/base.css';
import './style.css';

type Drag = Extract<Shape, { from: Point }>;

const TOOLS: Array<[Tool, MessageKey]> = [
  ['box', 'toolBox'],
  ['arrow', 'toolArrow'],
  ['text', 'toolText'],
  ['blur', 'toolBlur'],
];

/** The plain copy with the same blurs (it has the annotated copy's size: both are the same crop). */
async function blurred(src: string, blurs: Shape[], scale: number): Promise<string> {
  const i = new Image();
  i.src = src;
  await i.decode();
  const c = document.createElement('canvas');
  c.width = i.width;
  c.height = i.height;
  const ctx = c.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('canvas');
  ctx.drawImage(i, 0, 0);
  drawAll(ctx, blurs, scale);
  return c.toDataURL('image/png');
}

function Markup({ token }: { token: string }) {
  const [lang, setLang] = useState<Lang>('zh');
  const [job, setJob] = useState<MarkupJob | null | undefined>(undefined);
  const [img, setImg] = useState<HTMLImageElement | null>(null);
  const [tool, setTool] = useState<Tool>('box');
  const [shapes, setShapes] = useState<Shape[]>([]);
  const [draft, setDraft] = useState<Drag | null>(null);
  const [text, setText] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    void ask('get-settings', {})
      .then((s) => setLang(s.lang))
      .catch(() => undefined);
    void ask('markup-get', { token })
      .then(setJob)
      .catch(() => setJob(null));
  }, [token]);

  useEffect(() => {
    if (!job) return;
    const i = new Image();
    i.onload = () => setImg(i);
    i.src = job.shot.annotated;
  }, [job]);

  // line widths and note sizes follow the image's size (a 2× capture gets 2× lines)
  const scale = img ? Math.max(1, img.width / 900) : 1;

  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d', { willReadFrequently: true });
    if (!c || !ctx || !img) return;
    if (c.width !== img.width) c.width = img.width;
    if (c.height !== img.height) c.height = img.height;
    ctx.drawImage(img, 0, 0);
    drawAll(ctx, draft ? [...shapes, draft] : shapes, scale);
  }, [img, shapes, draft, scale]);

  const at = (e: PointerEvent): Point => {
    const c = canvas.current;
    if (!c) return { x: 0, y: 0 };
    const r = c.getBoundingClientRect();
    return {
      x: ((e.clientX - r.left) * c.width) / Math.max(1, r.width),
      y: ((e.clientY - r.top) * c.height) / Math.max(1, r.height),
    };
  };

  const down = (e: PointerEvent) => {
    const p = at(e);
    if (tool === 'text') {
      if (text.trim()) setShapes([...shapes, { kind: 'text', at: p, text: text.trim() }]);
      else setStatus(t(lang, 'notePrompt'));
      return;
    }
    canvas.current?.setPointerCapture?.(e.pointerId);
    setDraft({ kind: tool, from: p, to: p });
  };
  const move = (e: PointerEvent) => {
    if (draft) setDraft({ ...draft, to: at(e) });
  };
  const up = (e: PointerEvent) => {
    if (!draft) return;
    const done = { ...draft, to: at(e) };
    setDraft(null);
    if (!isEmpty(done)) setShapes([...shapes, done]);
  };

  const save = async () => {
    const c = canvas.current;
    if (!c) return;
    setSaving(true);
    // what is blurred is blurred in the plain copy too: personal data never leaves in the 原图
    const blurs = shapes.filter((x) => x.kind === 'blur');
    const plain =
      job?.shot.plain && blurs.length > 0 ? await blurred(job.shot.plain, blurs, scale) : undefined;
    const reply = await ask('markup-save', {
      token,
      annotated: c.toDataURL('image/png'),
      ...(plain ? { plain } : {}),
    }).catch((err: unknown) => ({
      ok: false,
      added: 0,
      error: err instanceof Error ? err.message : String(err),
    }));
    setSaving(false);
    setStatus(
      reply.ok ? t(lang, 'addedToList', String(reply.added)) : t(lang, 'captureFailed', reply.error ?? ''),
    );
  };

  if (job === undefined) return <main class="muted">{t(lang, 'loading')}</main>;
  if (job === null)
    return (
      <main>
        <p class="notice" role="alert">
          {t(lang, 'markupGone')}
        </p>
      </main>
    );
  return (
    <main>
      <h1>{t(lang, 'markupTitle')}</h1>
      <p class="muted">
        {job.pageTitle} · {job.pageUrl}
      </p>
      <p class="muted">{t(lang, 'markupHelp')}</p>
      <div class="tools">
        {TOOLS.map(([id, key]) => (
          <button
            key={id}
            type="button"
            data-tool={id}
            aria-pressed={tool === id}
            onClick={() => setTool(id)}
          >
            {t(lang, key)}
          </button>
        ))}
        {tool === 'text' && (
          <label>
            {t(lang, 'notePrompt')}
            <input value={text} onInput={(e) => setText(e.currentTarget.value)} data-field="note" />
          </label>
        )}
        <button
          type="button"
          data-action="undo"
          disabled={shapes.length === 0}
          onClick={() => setShapes(shapes.slice(0, -1))}
        >
          {t(lang, 'undo')}
        </button>
        <button
          type="button"
          class="primary"
          data-action="save"
          disabled={saving}
          onClick={() => void save()}
        >
          {t(lang, 'saveToList')}
        </button>
      </div>
      {status && (
        <p class="notice" role="status">
          {status}
        </p>
      )}
      <div class="stage">
        <canvas
          ref={canvas}
          data-shapes={shapes.length}
          onPointerDown={down}
          onPointerMove={move}
          onPointerUp={up}
        />
      </div>
    </main>
  );
}

const root = document.getElementById('app');
if (root) render(<Markup token={new URLSearchParams(location.search).get('token') ?? ''} />, root);
