/**
 * The engine's answers to the protocol's ENGINE messages (lib/messages-engine.ts), over the engine's
 * parts; kept apart from the content script so tests drive it with fakeBrowser.
 */
import type { EngineDirection, FindingPlace, Handlers, Region, ViewState } from '@/lib/messages-engine';
import type { Severity } from '@/lib/model/schema';
import type { Settings } from '@/lib/settings';
import type { PageCapture } from './page-capture';

export interface EngineParts {
  /** Audit again now, as if the user asked. */
  runForced(): void;
  focus(findingId: string): boolean;
  setHidden(hidden: boolean): Promise<boolean>;
  capture: PageCapture;
  region(findingId: string): Promise<Region | null>;
  applySettings(settings: Settings): void;
  /** Evidence capture on or off: the overlay's chrome and the page's scrollbar out of the picture. */
  captureMode(on: boolean, only: string[] | null): Promise<boolean>;
  places(ids: string[]): FindingPlace[];
  toast(text: string): boolean;
  /** Show only some severities (null: as the settings say) and/or hide the marks; the view after it. */
  setView(change: { only?: Severity[] | null; hidden?: boolean }): ViewState;
}

export function engineHandlers(e: EngineParts): Handlers<EngineDirection> {
  return {
    'run-audit': () => {
      e.runForced();
      return null;
    },
    'focus-finding': (req) => e.focus(req.id),
    'set-hidden': (req) => e.setHidden(req.hidden),
    'capture-info': () => e.capture.metrics(),
    'scroll-to': (req) => e.capture.scrollTo(req.y, req.hideFixed),
    'restore-page': (req) => e.capture.restore(req.x, req.y),
    'finding-region': (req) => e.region(req.id),
    'settings-changed': (req) => {
      e.applySettings(req.settings);
      return null;
    },
    'capture-mode': (req) => e.captureMode(req.on, req.only ?? null),
    'finding-places': (req) => e.places(req.ids),
    'show-toast': (req) => e.toast(req.text),
    'set-view': (req) =>
      e.setView({
        ...(req.only !== undefined ? { only: req.only } : {}),
        ...(req.hidden !== undefined ? { hidden: req.hidden } : {}),
      }),
  };
}
