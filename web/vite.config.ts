import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { defineConfig, type Plugin } from "vite";

// The server (cxbench serve) serves dist/ itself: no CDN, no inline script
// (its Content-Security-Policy forbids both).
//
// The service worker (sw/sw.ts) is built beside the app as dist/sw.js, at the
// root so that it controls every page. Once the bundle is written, the files
// it must precache replace `self.__WB_MANIFEST` in it (what Workbox's
// injectManifest does; vite-plugin-pwa would bring workbox-build and its
// Babel/Rollup tree for these twenty lines). Hashed assets need no revision
// (their name changes with their content); index.html gets its content hash.
// ECharts is left out: no shopper screen draws a chart, and a phone should not
// download half a megabyte it never runs (staff load it from the network).
const serviceWorker = "sw.js";

function precacheManifest(): Plugin {
  let outDir = "dist";
  return {
    name: "cxbench-precache-manifest",
    apply: "build",
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    writeBundle(_options, bundle) {
      const entries: { url: string; revision: string | null }[] = [];
      for (const name of Object.keys(bundle).sort()) {
        if (name === serviceWorker || name.endsWith(".map") || name.includes("echarts")) continue;
        if (name.startsWith("assets/")) {
          entries.push({ url: "/" + name, revision: null });
        } else if (name === "index.html") {
          const html = readFileSync(join(outDir, name));
          entries.push({ url: "/index.html", revision: createHash("sha256").update(html).digest("hex").slice(0, 16) });
        }
      }
      for (const file of ["manifest.webmanifest", "icon.svg", "icon-192.png", "icon-512.png"]) {
        const bytes = readFileSync(join(outDir, file));
        entries.push({ url: "/" + file, revision: createHash("sha256").update(bytes).digest("hex").slice(0, 16) });
      }
      const path = join(outDir, serviceWorker);
      const code = readFileSync(path, "utf8");
      if (!code.includes("self.__WB_MANIFEST")) throw new Error(`${serviceWorker} has no self.__WB_MANIFEST`);
      writeFileSync(path, code.replace("self.__WB_MANIFEST", JSON.stringify(entries)));
    },
  };
}

export default defineConfig({
  build: {
    outDir: "dist",
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: { index: "index.html", sw: "sw/sw.ts" },
      output: {
        entryFileNames: (chunk) => (chunk.name === "sw" ? serviceWorker : "assets/[name]-[hash].js"),
      },
    },
  },
  plugins: [precacheManifest()],
  server: { proxy: { "/api": "http://127.0.0.1:8080" } },
});
