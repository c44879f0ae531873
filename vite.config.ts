/**
 * Builds the web app (src/web) into dist/web, which the server serves with an SPA fallback.
 * `npm run build` for production; `vite` for a dev server that forwards the API to a running
 * `peduli serve` on port 8080.
 */
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const API_SERVER = "http://localhost:8080";

export default defineConfig({
  root: "src/web",
  plugins: [react()],
  build: {
    outDir: "../../dist/web",
    emptyOutDir: true,
    // The budget is 250 KB gzip for the shell a phone downloads (about 126 KB now, React included);
    // this limit is on minified size, so it warns well before the budget is reached.
    chunkSizeWarningLimit: 500,
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
