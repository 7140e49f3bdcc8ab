import { defineConfig } from "vite";

// The server (cxbench serve) serves dist/ itself: no CDN, no inline script
// (its Content-Security-Policy forbids both).
export default defineConfig({
  build: {
    outDir: "dist",
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1500,
  },
  server: { proxy: { "/api": "http://127.0.0.1:8080" } },
});
