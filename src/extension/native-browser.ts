/**
 * `wxt/browser` for content scripts, without webextension-polyfill (wired in
 * wxt.config.ts). The probe runs in every frame of every page, so its size is
 * paid everywhere (budget 15 kB) and the polyfill alone weighs about 10 kB;
 * what content scripts call (`runtime.id`, `runtime.sendMessage`,
 * `runtime.onMessage` with listeners that return nothing) has the same
 * promise-based form natively in Firefox's `browser` and Chrome MV3's `chrome`.
 * Extension pages and the background keep the polyfill.
 */
type Native = typeof import('wxt/browser').browser;

/** Firefox defines both `browser` and `chrome`; only its `browser` is promise-based everywhere. */
export function nativeBrowser(scope: { browser?: unknown; chrome?: unknown }): Native {
  const candidate = scope.browser as Native | undefined;
  return (candidate?.runtime?.id !== undefined ? candidate : scope.chrome) as Native;
}

export const browser: Native = nativeBrowser(globalThis as { browser?: unknown; chrome?: unknown });
