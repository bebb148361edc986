/**
 * When the engine's script started running: imported first (a side-effect import, never reordered), so
 * this is its first statement. The browser benchmark reports the engine's cold cost from here.
 */
export const ENGINE_STARTED_AT = performance.now();
