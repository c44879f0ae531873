/// <reference types="vite-plugin-pwa/client" />
/**
 * Registers the service worker vite-plugin-pwa builds (cache rules in vite.config.ts), so the app
 * opens without signal. A new version takes over at the next start.
 */
import { registerSW } from "virtual:pwa-register";

export function registerServiceWorker(): void {
  if (typeof navigator === "undefined" || !("serviceWorker" in navigator)) return;
  registerSW({ immediate: true });
}
