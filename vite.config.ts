/**
 * Builds the web app (src/web) into dist/web, which the server serves with an SPA fallback.
 * `npm run build` for production; `vite` for a dev server that forwards the API to a running
 * `peduli serve` on port 8080.
 */
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";

const API_SERVER = "http://localhost:8080";

export default defineConfig({
  root: "src/web",
  plugins: [
    react(),
    // The field app works offline (docs/offline.md): an installable PWA whose service worker keeps
    // the app shell; residents' data never goes into these caches — it lives encrypted in
    // IndexedDB (src/web/offline).
    VitePWA({
      registerType: "autoUpdate",
      injectRegister: false,
      includeAssets: ["favicon.svg", "icon-192.png", "icon-512.png"],
      manifest: {
        name: "Peduli — kerja lapangan",
        short_name: "Peduli",
        description: "Sistem kerja TKSK dan PSM Suku Dinas Sosial, juga tanpa sinyal.",
        lang: "id",
        start_url: "/luring",
        scope: "/",
        display: "standalone",
        background_color: "#ffffff",
        theme_color: "#0b4f6c",
        icons: [
          { src: "/favicon.svg", sizes: "any", type: "image/svg+xml" },
          { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
          { src: "/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any maskable" },
        ],
      },
      workbox: {
        // Precache: every built file of the shell (scripts, styles, icons, index.html), so the app
        // opens with no connection; each build replaces the whole set (hashed names).
        globPatterns: ["**/*.{js,css,html,svg,png,woff2}"],
        // Navigations (any page of the SPA, /luring included) answer with the cached index.html
        // when offline — except the API and the health check, which must reach the server.
        navigateFallback: "/index.html",
        navigateFallbackDenylist: [/^\/api\//, /^\/healthz/],
        // No runtime caching of /api: answers hold personal data and must not sit unencrypted in
        // the Cache Storage; offline reads come from the encrypted local store instead.
        runtimeCaching: [],
        // Old precaches from earlier versions are deleted when the new worker activates.
        cleanupOutdatedCaches: true,
        // Source maps are not precached: a phone never needs them offline.
        globIgnores: ["**/*.map"],
      },
    }),
  ],
  build: {
    outDir: "../../dist/web",
    emptyOutDir: true,
    // The budget is 250 KB gzip for the shell a phone downloads (about 126 KB now, React included);
    // this limit is on minified size. The one larger chunk is ECharts (about 560 KB minified), which
    // only the chart pages load, so the limit sits just above it and still catches a bloated shell.
    chunkSizeWarningLimit: 600,
    sourcemap: true,
  },
  server: {
    port: 5173,
    proxy: {
      "/api": { target: API_SERVER, changeOrigin: false },
      "/healthz": { target: API_SERVER, changeOrigin: false },
    },
  },
});
