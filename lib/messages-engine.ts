/**
 * The message protocol's machinery (`message`, `call`, `notify`, `handle`) and the part of the protocol the
 * engine content script needs: what it receives (ENGINE) and what it sends to the background
 * (ENGINE_TO_BACKGROUND). Kept apart from lib/messages.ts, which declares the whole protocol, so the engine
 * bundle never builds the AuditResult schema: the engine checks the envelope of the audit it sends, the
 * background parses it in full (lib/messages.ts declares `audit-done` with the full schema).
 *
 * On the wire a request is `{ type, ...fields }` and a reply is `{ ok: true, value }` or `{ ok: false, error }`.
 */
import { z } from 'zod/mini';
import type { PortableExtraction, PortableSource } from './extract/portable';
import { ReportSnapshot } from './history/snapshot';
import { Severity } from './model/enums';
import type { AuditResult } from './model/schema';
import { OcrCellWire, OcrPictureReply, OcrPictureRequest } from './ocr/wire';
import { Settings } from './settings';

/** Who may send a message: a content script (for its own tab and frame) or an extension page / the background. */
export type Origin = 'content' | 'extension';

export interface MessageSpec<
  Q extends z.ZodMiniType = z.ZodMiniType,
  R extends z.ZodMiniType = z.ZodMiniType,
> {
  request: Q;
  reply: R;
  from: readonly Origin[];
}

export function message<Q extends z.ZodMiniType, R extends z.ZodMiniType>(
  request: Q,
  reply: R,
  from: readonly Origin[],
): MessageSpec<Q, R> {
  return { request, reply, from };
}

export type Direction = Record<string, MessageSpec>;
export type RequestOf<D extends Direction, K extends keyof D> = z.output<D[K]['request']>;
export type ReplyOf<D extends Direction, K extends keyof D> = z.output<D[K]['reply']>;

/** The parts of a runtime.MessageSender the protocol looks at. */
/** What the browser says of a sender (its fields may be absent or undefined). */
export interface Sender {
  id?: string | undefined;
  url?: string | undefined;
  frameId?: number | undefined;
  tab?: { id?: number | undefined; url?: string | undefined } | undefined;
}

/** A checked sender: content scripts carry their tab and frame, taken from the browser, never from the message. */
export type From =
  | { origin: 'content'; tabId: number; frameId: number; url: string }
  | { origin: 'extension'; tabId?: undefined; frameId?: undefined; url: string };

/** Where our own extension's pages live, and its id. */
export interface Self {
  id: string;
  /** runtime.getURL('/') */
  base: string;
}

/** Content script, extension page or unknown (refused). */
export function classify(sender: Sender, self: Self): From | null {
  if (sender.id !== undefined && sender.id !== self.id) return null;
  const url = sender.url ?? '';
  if (url.startsWith(self.base)) return { origin: 'extension', url };
  const tabId = sender.tab?.id;
  if (tabId === undefined || tabId < 0) return null;
  return { origin: 'content', tabId, frameId: sender.frameId ?? 0, url: url || sender.tab?.url || '' };
}

export class ProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtocolError';
  }
}

const Envelope = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function wire<D extends Direction, K extends keyof D & string>(
  dir: D,
  type: K,
  req: RequestOf<D, K>,
): object {
  const spec = dir[type];
  if (!spec) throw new ProtocolError(`unknown message ${type}`);
  const parsed = spec.request.safeParse(req);
  if (!parsed.success) throw new ProtocolError(`${type}: bad request`);
  return Object.assign({}, parsed.data, { type });
}

/** Send a request and parse its reply; a bad, missing or refused reply throws a ProtocolError. */
export async function call<D extends Direction, K extends keyof D & string>(
  dir: D,
  type: K,
  req: RequestOf<D, K>,
  send: (msg: object) => Promise<unknown>,
): Promise<ReplyOf<D, K>> {
  const msg = wire(dir, type, req);
  const raw = await send(msg);
  const env = Envelope.safeParse(raw);
  if (!env.success) throw new ProtocolError(`${type}: no valid reply`);
  if (!env.data.ok) throw new ProtocolError(`${type}: ${env.data.error}`);
  const spec: D[K] = dir[type];
  const value = z.safeParse<D[K]['reply']>(spec.reply, env.data.value);
  if (!value.success) throw new ProtocolError(`${type}: bad reply`);
  return value.data;
}

/** Send without waiting for an answer (broadcasts); nobody listening is not an error. */
export function notify<D extends Direction, K extends keyof D & string>(
  dir: D,
  type: K,
  req: RequestOf<D, K>,
  send: (msg: object) => Promise<unknown> | undefined,
): void {
  const msg = wire(dir, type, req);
  try {
    void Promise.resolve(send(msg)).catch(() => undefined);
  } catch {
    // no receiver
  }
}

/** One handler per message of the direction: the type checker fails when one is missing. */
export type Handlers<D extends Direction> = {
  [K in keyof D]: (req: RequestOf<D, K>, from: From) => ReplyOf<D, K> | Promise<ReplyOf<D, K>>;
};

/** sendResponse is optional in the type only so the listener fits every browser's listener signature. */
export type Listener = (
  raw: unknown,
  sender: Sender,
  sendResponse?: (reply: unknown) => void,
) => true | undefined;

/**
 * A runtime.onMessage listener for one direction: messages of other directions are left to other listeners;
 * a request from a sender the message does not allow, or that does not parse, is refused; the handler's
 * answer is checked against the reply schema. Answers with sendResponse and `return true` (Chrome, Firefox,
 * the polyfill and fakeBrowser all accept it).
 */
export function handle<D extends Direction>(dir: D, handlers: Handlers<D>, self: () => Self): Listener {
  return (raw, sender, respond) => {
    const sendResponse = (reply: unknown) => respond?.(reply);
    const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
    if (typeof type !== 'string' || !Object.hasOwn(dir, type)) return undefined;
    const spec = dir[type] as MessageSpec;
    const from = classify(sender, self());
    if (!from || !spec.from.includes(from.origin)) {
      sendResponse({ ok: false, error: 'refused' });
      return true;
    }
    const req = spec.request.safeParse(raw);
    if (!req.success) {
      sendResponse({ ok: false, error: 'bad request' });
      return true;
    }
    const run = handlers[type] as (req: unknown, from: From) => unknown;
    Promise.resolve()
      .then(() => run(req.data, from))
      .then(
        (value) => {
          const out = spec.reply.safeParse(value);
          sendResponse(out.success ? { ok: true, value: out.data } : { ok: false, error: 'bad reply' });
        },
        (err: unknown) => sendResponse({ ok: false, error: errorText(err) }),
      );
    return true;
  };
}

// ---- the engine's part of the protocol -------------------------------------------------------------------

export const PageMetrics = z.object({
  scrollX: z.number(),
  scrollY: z.number(),
  scrollHeight: z.number(),
  innerWidth: z.number(),
  innerHeight: z.number(),
  dpr: z.number(),
});
export type PageMetrics = z.infer<typeof PageMetrics>;

export const Region = z.object({ left: z.number(), top: z.number(), width: z.number(), height: z.number() });
export type Region = z.infer<typeof Region>;

const DocRect = z.nullable(Region);
/** One finding's place for its close-up (lib/evidence/geometry.ts FindingPlace). */
export const FindingPlace = z.object({
  id: z.string(),
  table: z.nullable(z.number()),
  header: DocRect,
  target: DocRect,
});
export type FindingPlace = z.infer<typeof FindingPlace>;

export const ListReply = z.object({
  ok: z.boolean(),
  added: z.number(),
  error: z.optional(z.string()),
  /** Findings left out of an "add all" because they are 忽略 (ignored) on the page. */
  skipped: z.optional(z.number()),
});
export type ListReply = z.infer<typeof ListReply>;

const none = z.object({});
const EXT: readonly Origin[] = ['extension'];
const CONTENT: readonly Origin[] = ['content'];

/**
 * What the page shows: `only` the severities shown on the page (null: as the settings say), `hidden` the
 * marks hidden (Esc), and how many findings the settings and `only` keep off the page.
 */
export const ViewState = z.object({
  only: z.nullable(z.array(Severity)),
  hidden: z.boolean(),
  filteredOut: z.number(),
});
export type ViewState = z.infer<typeof ViewState>;

/** background/popup → engine (tabs.sendMessage to the engine's frame). */
export const ENGINE = {
  'run-audit': message(none, z.null(), EXT),
  /** scroll to a finding, flash it, open its card */
  'focus-finding': message(z.object({ id: z.string() }), z.boolean(), EXT),
  /** hide the overlay for the plain copy of a screenshot */
  'set-hidden': message(z.object({ hidden: z.boolean() }), z.boolean(), EXT),
  // capture support: page metrics, scrolling slice by slice, the region of one finding
  'capture-info': message(none, PageMetrics, EXT),
  'scroll-to': message(z.object({ y: z.number(), hideFixed: z.boolean() }), PageMetrics, EXT),
  'restore-page': message(z.object({ x: z.number(), y: z.number() }), z.boolean(), EXT),
  'finding-region': message(z.object({ id: z.string() }), z.nullable(Region), EXT),
  'settings-changed': message(z.object({ settings: Settings }), z.null(), EXT),
  /**
   * evidence capture: hide the overlay's bar, banner, cards and toasts and the page's scrollbar; the marks
   * stay (with `only`: those of these findings only, for a close-up)
   */
  'capture-mode': message(
    z.object({ on: z.boolean(), only: z.optional(z.array(z.string())) }),
    z.boolean(),
    EXT,
  ),
  /** evidence capture: where findings are (table header rows, the row, the paragraph), in document pixels */
  'finding-places': message(z.object({ ids: z.array(z.string()) }), z.array(FindingPlace), EXT),
  /** say something where the user is looking (a toast in the overlay), e.g. why a capture failed */
  'show-toast': message(z.object({ text: z.string() }), z.boolean(), EXT),
  /** popup, side panel: show only some severities, hide or show the marks (fields left out: unchanged) */
  'set-view': message(
    z.object({ only: z.optional(z.nullable(z.array(Severity))), hidden: z.optional(z.boolean()) }),
    ViewState,
    EXT,
  ),
} as const;
export type EngineDirection = typeof ENGINE;

/** Enough of an AuditResult to be worth sending; the background parses the whole of it. */
const AuditEnvelope = z.custom<AuditResult>(
  (v) =>
    typeof v === 'object' &&
    v !== null &&
    Array.isArray((v as { findings?: unknown }).findings) &&
    typeof (v as { report?: unknown }).report === 'object',
);

/** Enough of a page's blocks to be worth sending; the background parses the whole of them. */
const PortableEnvelope = z.custom<PortableSource>(
  (v) =>
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { kinds?: unknown }).kinds === 'string' &&
    Array.isArray((v as { texts?: unknown }).texts),
);

/** What the background answers for a page's blocks: the audit, and where its cell keys point. */
export interface PageAudit {
  result: AuditResult;
  extraction: PortableExtraction;
}
const PageAuditEnvelope = z.custom<PageAudit>((v) => {
  const a = v as Partial<PageAudit> | null;
  return (
    typeof a === 'object' &&
    a !== null &&
    typeof a.result === 'object' &&
    a.result !== null &&
    Array.isArray(a.result.findings) &&
    typeof a.extraction === 'object' &&
    a.extraction !== null &&
    Array.isArray(a.extraction.cells) &&
    Array.isArray(a.extraction.text)
  );
});

/** A table picture of the page as OCR read it (`image`: its block), for the tables given as pictures. */
export const PictureWire = z.object({
  image: z.number(),
  width: z.number(),
  height: z.number(),
  skew: z.number(),
  cells: z.array(OcrCellWire),
});
export type PictureWire = z.infer<typeof PictureWire>;

/** The audit-page request: the page's blocks (lib/extract/portable.ts), its pictures read, the time left. */
export const auditPageRequest = <S extends z.ZodMiniType<PortableSource>>(source: S) =>
  z.object({ source, pictures: z.array(PictureWire), budgetMs: z.number() });

/** content scripts → background, as the engine sees them (lib/messages.ts declares the same with full schemas). */
export const ENGINE_TO_BACKGROUND = {
  /** the detector: this frame looks like a report; inject the engine (entrypoints/detector.ts sends the literal) */
  'report-detected': message(none, z.null(), CONTENT),
  /**
   * the audit of this frame; `order[n - 1]` is the id of the finding numbered n on the page ('' for a number
   * whose finding is gone after a re-check: numbers never move, overlay/numbers.ts)
   */
  'audit-done': message(
    z.object({ url: z.string(), result: AuditEnvelope, order: z.array(z.string()) }),
    z.null(),
    CONTENT,
  ),
  'audit-failed': message(z.object({ url: z.string(), error: z.string() }), z.null(), CONTENT),
  /** a finding's card: close-up of this finding, added to the issue list */
  'capture-finding-to-list': message(z.object({ findingId: z.string() }), ListReply, CONTENT),
  /** a finding's card: close-up of this finding, opened in the markup page before it goes into the list */
  'capture-finding-to-markup': message(
    z.object({ findingId: z.string() }),
    z.object({ ok: z.boolean(), error: z.optional(z.string()) }),
    CONTENT,
  ),
  'get-settings': message(none, Settings, ['content', 'extension']),
  /**
   * The same body's report of the year before `year` (this frame's report year), as the store keeps it, or
   * null: looked up for the sender's own URL (lib/history/store.ts findPrevious, which never guesses).
   */
  'history-previous': message(
    z.object({ year: z.number(), agencyKey: z.nullable(z.string()) }),
    z.nullable(ReportSnapshot),
    CONTENT,
  ),
  /**
   * Audit this frame's page from its blocks, read in the page and sent as data (lib/extract/portable.ts):
   * extraction and the rules run in the background, whose code is compiled already, and the previous year
   * is looked up there for the sender's own URL. The engine audits in the page when this fails.
   */
  'audit-page': message(auditPageRequest(PortableEnvelope), PageAuditEnvelope, CONTENT),
  /** Keep the snapshot of this frame's audit; the background stores it under the sender's URL, never the message's. */
  'history-keep': message(z.object({ snapshot: ReportSnapshot }), z.null(), CONTENT),
  /**
   * Read a table picture of this frame's report with OCR (lib/ocr/picture.ts), in the extension's OCR
   * document (offscreen in Chromium), one picture at a time; the model and core load once per session.
   */
  'ocr-picture': message(OcrPictureRequest, OcrPictureReply, CONTENT),
} as const;
