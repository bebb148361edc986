/**
 * The picture viewer: the close-up of one entry, large, in a modal dialog. ← / → step through the entries
 * shown that have a picture, Esc closes (the dialog's own behaviour); the annotated and the plain copy can be
 * switched. Nothing is downloaded.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { closeUpKey, imageFileName } from '@/lib/issues/export';
import type { IssueEntry } from '@/lib/issues/model';
import type { Lang } from '@/lib/model/schema';
import { t } from '../shared/i18n';
import { useImageUrl } from './Thumb';

export function Viewer({
  list,
  index,
  lang,
  onStep,
  onClose,
}: {
  list: IssueEntry[];
  index: number;
  lang: Lang;
  onStep: (index: number) => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [plain, setPlain] = useState(false);
  const entry = list[index];
  const annotatedKey = entry ? closeUpKey(entry) : undefined;
  const plainKey = entry?.imageKeys.find((k) => k.endsWith('-plain'));
  const key = plain && plainKey ? plainKey : annotatedKey;
  const url = useImageUrl(key);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  if (!entry) return null;
  const step = (by: number) => {
    const next = index + by;
    if (next >= 0 && next < list.length) onStep(next);
  };
  return (
    <dialog
      ref={ref}
      class="viewer"
      aria-label={t(lang, 'mgrViewer')}
      onClose={onClose}
      onKeyDown={(ev) => {
        if (ev.key === 'ArrowRight' || ev.key === 'ArrowDown') {
          ev.preventDefault();
          step(1);
        } else if (ev.key === 'ArrowLeft' || ev.key === 'ArrowUp') {
          ev.preventDefault();
          step(-1);
        }
      }}
      onClick={(ev) => {
        // a click on the backdrop (the dialog itself, outside its content) closes it
        if (ev.target === ref.current) ref.current?.close();
      }}
    >
      <div class="viewer-body">
        <header>
          <strong>{entry.type}</strong>
          <span class="muted mono">{entry.id}</span>
          <span class="muted">
            {index + 1} / {list.length}
          </span>
          <span class="spacer" />
          {plainKey && (
            <button type="button" onClick={() => setPlain(!plain)} aria-pressed={plain}>
              {plain ? t(lang, 'mgrAnnotated') : t(lang, 'mgrPlain')}
            </button>
          )}
          <button type="button" onClick={() => step(-1)} disabled={index === 0} aria-label={t(lang, 'prev')}>
            ←
          </button>
          <button
            type="button"
            onClick={() => step(1)}
            disabled={index === list.length - 1}
            aria-label={t(lang, 'next')}
          >
            →
          </button>
          <button type="button" onClick={() => ref.current?.close()} aria-label={t(lang, 'close')}>
            ✕
          </button>
        </header>
        <div class="viewer-img">
          {url ? <img src={url} alt={key ? imageFileName(entry, key) : ''} /> : <span class="muted">…</span>}
        </div>
        <p class="viewer-caption">
          {entry.location} · {entry.description}
        </p>
        <p class="muted viewer-hint">{t(lang, 'mgrViewerHint')}</p>
      </div>
    </dialog>
  );
}
