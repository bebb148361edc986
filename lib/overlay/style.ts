/**
 * The overlay's styles. They live inside the shadow root: the page's styles never change. No `:host` rule:
 * the host may be the page's own <body>. The layer is a popover: every UA popover style is overridden.
 */
export const OVERLAY_CSS = `
.layer { all: initial; display: block; position: fixed; inset: 0; width: auto; height: auto; margin: 0; padding: 0;
  border: 0; background: transparent; pointer-events: none; z-index: 2147483647; overflow: hidden;
  font: 13px/1.5 system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: #202124; }
.layer.hidden { display: none; }
.layer.capturing .card { visibility: hidden; }
.layer.no-chrome .card, .layer.no-chrome .banner, .layer.no-chrome .toast, .layer.no-chrome .out { display: none; }
.toast { position: fixed; top: 12px; left: 50%; transform: translateX(-50%); pointer-events: auto; cursor: pointer;
  max-width: min(560px, calc(100vw - 24px)); box-sizing: border-box; padding: 10px 14px; border-radius: 6px;
  background: #202124; color: #fff; font-size: 14px; box-shadow: 0 4px 16px rgba(0,0,0,.3); white-space: pre-wrap; }
.box { position: fixed; box-sizing: border-box; pointer-events: none; border-radius: 2px; }
.box.fault { outline: 2px solid #fff; border: 2px solid var(--c); box-shadow: 0 0 0 4px color-mix(in srgb, var(--c) 35%, transparent); }
.box.involved { border: 2px dashed var(--c); outline: 1px solid rgba(255,255,255,.9); }
.box.lit { background: color-mix(in srgb, var(--c) 18%, transparent); border-style: solid; }
.box.flash { animation: flash .9s ease-in-out 2; }
@keyframes flash { 50% { background: color-mix(in srgb, var(--c) 45%, transparent); } }
.text-mark { position: fixed; pointer-events: none; border-bottom: 3px solid var(--c); background: color-mix(in srgb, var(--c) 12%, transparent); }
.badge { position: fixed; pointer-events: auto; cursor: pointer; min-width: 18px; height: 18px; padding: 0 4px; box-sizing: border-box;
  border-radius: 9px; background: var(--c); color: #fff; font: 600 11px/18px system-ui, sans-serif; text-align: center;
  border: 1.5px solid #fff; box-shadow: 0 1px 3px rgba(0,0,0,.35); }
.badge:focus-visible { outline: 3px solid #1a73e8; outline-offset: 1px; }
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
.card button, .banner button { font: inherit; font-size: 12px; border: 1px solid #dadce0; background: #f8f9fa; border-radius: 4px; padding: 1px 8px; cursor: pointer; }
.banner { position: fixed; pointer-events: auto; box-sizing: border-box; max-width: min(760px, calc(100vw - 16px));
  background: #fff; border: 1px solid #dadce0; border-left: 4px solid var(--c); border-radius: 6px; padding: 6px 10px;
  box-shadow: 0 2px 10px rgba(0,0,0,.18); }
.banner .head { display: flex; align-items: center; gap: 8px; font-weight: 600; }
.banner .head .spacer { flex: 1; }
.banner ul { margin: 6px 0 0; padding: 0; list-style: none; max-height: 40vh; overflow: auto; }
.banner li { padding: 3px 0; border-top: 1px solid #f1f3f4; cursor: pointer; }
.banner li .dot { display: inline-block; width: 8px; height: 8px; border-radius: 4px; background: var(--c); margin-right: 6px; }
.banner.collapsed ul { display: none; }
.counts span { margin-left: 8px; font-weight: 600; }
.error { --c: #d93025; }
.warning { --c: #e37400; }
.info { --c: #1a73e8; }
`;
