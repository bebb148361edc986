import { useEffect, useState } from 'preact/hooks';
import { closeUpKey } from '@/lib/issues/export';
import type { IssueEntry } from '@/lib/issues/model';
import { evidenceImages } from '../shared/issue-store';

export const images = evidenceImages();

/** An object URL for a stored image, revoked when the key changes or the component goes. */
export function useImageUrl(key: string | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let u: string | null = null;
    let live = true;
    setUrl(null);
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
  return url;
}

/** The entry's close-up as a thumbnail: a click opens the viewer (never a download). */
export function Thumb({ entry, label, onOpen }: { entry: IssueEntry; label: string; onOpen: () => void }) {
  const key = closeUpKey(entry);
  const url = useImageUrl(key);
  if (!key) return <span class="muted">—</span>;
  return (
    <button type="button" class="thumb" onClick={onOpen} aria-label={label} title={entry.screenshot ?? ''}>
      {url ? <img src={url} alt="" /> : <span class="muted">…</span>}
    </button>
  );
}
