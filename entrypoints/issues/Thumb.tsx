import { useEffect, useState } from 'preact/hooks';
import { imageFileName } from '@/lib/issues/export';
import type { IssueEntry } from '@/lib/issues/model';
import { evidenceImages } from '../shared/issue-store';

export const images = evidenceImages();

/** The entry's annotated screenshot, as a thumbnail that downloads the image. */
export function Thumb({ entry }: { entry: IssueEntry }) {
  const [url, setUrl] = useState<string | null>(null);
  const key = entry.imageKeys.find((k) => !k.endsWith('-plain'));
  useEffect(() => {
    let u: string | null = null;
    let live = true;
    if (key) {
      void images.get(key).then((b) => {
        if (!b || !live) return;
        u = URL.createObjectURL(b);
        setUrl(u);
      });
    }
    return () => {
      live = false;
      if (u) URL.revokeObjectURL(u);
    };
  }, [key]);
  if (!key) return <span class="muted">—</span>;
  return url ? (
    <a href={url} download={imageFileName(entry, key)} title={entry.screenshot ?? ''}>
      <img src={url} alt={entry.screenshot ?? ''} />
    </a>
  ) : (
    <span class="muted">…</span>
  );
}
