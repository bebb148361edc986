/**
 * The overlay's styles. They live inside the shadow root: the page's styles never change. No `:host` rule:
 * the host may be the page's own <body>. The layer is a popover: every UA popover style is overridden.
 */
export const OVERLAY_CSS = `
.layer { all: initial; display: block; position: fixed; inset: 0; width: auto; height: auto; margin: 0; padding: 0;
  border: 0; background: transparent; pointer-events: none; z-index: 2147483647; overflow: hidden;
  font: 13px/1.5 system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #202124; }
.layer.hidden { display: none; }
.layer.capturing .card, .layer.capturing .chip { visibility: hidden; }
.layer.marks-hidden .box, .layer.marks-hidden .badge, .layer.marks-hidden .text-mark, .layer.marks-hidden .card { display: none; }
.world { position: absolute; left: 0; top: 0; width: 0; height: 0; overflow: visible; }
.layer.no-chrome .card, .layer.no-chrome .chip, .layer.no-chrome .toast, .layer.no-chrome .out { display: none; }
.toast { position: fixed; top: 12px; left: 50%; transform: translateX(-50%); pointer-events: auto; cursor: pointer;
  max-width: min(560px, calc(100vw - 24px)); box-sizing: border-box; padding: 10px 14px; border-radius: 6px;
  background: #202124; color: #fff; font-size: 14px; box-shadow: 0 4px 16px rgba(0,0,0,.3); white-space: pre-wrap; }
.box { position: absolute; box-sizing: border-box; pointer-events: none; border-radius: 2px; }
.box.fault { outline: 2px solid #fff; border: 2px solid var(--c); box-shadow: 0 0 0 4px color-mix(in srgb, var(--c) 35%, transparent); }
.box.involved { border: 2px dashed var(--c); outline: 1px solid rgba(255,255,255,.9); }
.box.lit { background: color-mix(in srgb, var(--c) 18%, transparent); border-style: solid; }
.box.flash { animation: flash .9s ease-in-out 2; }
@keyframes flash { 50% { background: color-mix(in srgb, var(--c) 45%, transparent); } }
.text-mark { position: absolute; pointer-events: none; border-bottom: 3px solid var(--c); background: color-mix(in srgb, var(--c) 12%, transparent); }
.badge { position: absolute; pointer-events: auto; cursor: pointer; height: 16px; padding: 0 3px; box-sizing: border-box;
  border-radius: 8px; background: var(--c); color: #fff; font: 700 11px/14px system-ui, sans-serif; text-align: center;
  border: 1px solid #fff; box-shadow: 0 1px 2px rgba(0,0,0,.35); white-space: nowrap; overflow: hidden; }
.badge .more { font-weight: 600; margin-left: 2px; }
.badge.off { opacity: 0; pointer-events: none; left: 0; top: 0; }
.badge:focus-visible { outline: 3px solid #1a73e8; outline-offset: 1px; opacity: 1; }
.badge.section { border-radius: 3px; }
.card { position: fixed; pointer-events: auto; width: 340px; max-width: calc(100vw - 16px); box-sizing: border-box;
  background: #fff; border: 1px solid #dadce0; border-top: 4px solid var(--c); border-radius: 6px; padding: 10px 12px;
  box-shadow: 0 4px 16px rgba(0,0,0,.22); }
.card h3 { margin: 0 0 4px; font-size: 14px; }
.card .sev { display: inline-block; font-size: 11px; padding: 0 6px; border-radius: 8px; background: var(--c); color: #fff; margin-right: 6px; }
.card .msg { margin: 6px 0; white-space: pre-wrap; word-break: break-word; }
.card .formula { font-family: ui-monospace, "Noto Sans Mono CJK SC", monospace; background: #f8f9fa; padding: 4px 6px; border-radius: 4px; }
.card dl { margin: 6px 0 0; font-size: 12px; color: #3c4043; }
.card dt { font-weight: 600; margin-top: 4px; }
.card dd { margin: 0; }
.card .nav { display: flex; gap: 6px; justify-content: flex-end; margin-top: 8px; }
.card .here { font-size: 12px; color: #3c4043; }
.card .here button[aria-pressed="true"] { background: #e8f0fe; border-color: #1967d2; }
.card button, .chip button { font: inherit; font-size: 12px; border: 1px solid #dadce0; background: #f8f9fa; color: #202124; border-radius: 4px; padding: 1px 8px; cursor: pointer; }
.chip { position: fixed; pointer-events: auto; box-sizing: border-box; max-width: min(420px, calc(100vw - 16px)); cursor: grab;
  background: #fff; border: 1px solid #dadce0; border-left: 4px solid var(--c); border-radius: 6px; padding: 2px 6px;
  box-shadow: 0 2px 8px rgba(0,0,0,.18); font-size: 12px; touch-action: none; user-select: none; }
.chip .head { display: flex; align-items: center; gap: 6px; font-weight: 600; white-space: nowrap; flex-wrap: wrap; }
.chip .count { color: var(--c); }
.chip .off-count, .chip .unchecked { color: #3c4043; font-weight: 400; }
.chip .show-marks { background: #1967d2; color: #fff; border-color: #1967d2; }
.chip ul { margin: 4px 0 0; padding: 0; list-style: none; max-height: 40vh; overflow: auto; max-width: 400px; white-space: normal; }
.chip li { padding: 3px 0; border-top: 1px solid #f1f3f4; cursor: pointer; font-weight: 400; }
.chip li::before { content: ""; display: inline-block; width: 8px; height: 8px; border-radius: 4px; background: var(--c); margin-right: 6px; }
.chip li.unchecked-part { cursor: default; color: #3c4043; }
.chip li.unchecked-part::before { background: #5f6368; }
.error { --c: #c5221f; }
.warning { --c: #b45309; }
.info { --c: #1967d2; }
`;
