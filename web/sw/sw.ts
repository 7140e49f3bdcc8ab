// The shopper app's service worker: the app opens and works with no network.
//   - The app shell (index.html and Vite's hashed assets, listed at build time
//     by vite.config.ts in place of self.__WB_MANIFEST) is precached.
//   - The shopper's own data is cached network first: who is logged in
//     (/api/v1/me), the worklist and each assignment with its questionnaire.
//     When the worklist arrives, every open assignment in it is fetched and
//     cached too, so one never opened before also opens offline.
// Writes never pass through here: the app keeps them in its outbox
// (src/offline/outbox.ts) and sends them itself.
import { precacheAndRoute, createHandlerBoundToURL, type PrecacheEntry } from "workbox-precaching";
import { NavigationRoute, registerRoute } from "workbox-routing";
import { NetworkFirst } from "workbox-strategies";
import type { WorkboxPlugin } from "workbox-core/types.js";

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (string | PrecacheEntry)[] };

const apiCache = "cxbench-api";
// After this long without an answer the cached copy is shown (a train in a
// tunnel keeps a request open for minutes).
const networkTimeoutSeconds = 4;
const openStatuses = new Set(["planned", "started", "returned"]);

self.addEventListener("install", () => void self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

precacheAndRoute(self.__WB_MANIFEST);
// Hash routes: every page is index.html.
registerRoute(new NavigationRoute(createHandlerBoundToURL("/index.html"), { denylist: [/^\/api\//] }));

const assignment = new NetworkFirst({ cacheName: apiCache, networkTimeoutSeconds });

// When a fresh worklist is cached, the open assignments in it are fetched
// (and so cached) as well.
const prefetchOpen: WorkboxPlugin = {
  cacheDidUpdate: async ({ newResponse }) => {
    const list = (await newResponse.clone().json()) as { assignments?: { id: string; status: string }[] };
    const open = (list.assignments ?? []).filter((row) => openStatuses.has(row.status));
    const cache = await caches.open(apiCache);
    await Promise.allSettled(
      open.map(async (row) => {
        const request = new Request(`/api/v1/assignments/${encodeURIComponent(row.id)}`, {
          credentials: "same-origin",
        });
        // Already on the phone: refreshed when opened (network first), not
        // fetched again with every worklist over a slow line.
        if (await cache.match(request)) return;
        const response = await fetch(request);
        if (response.ok) await cache.put(request, response);
      }),
    );
  },
};

registerRoute(
  ({ url, request }) =>
    request.method === "GET" && url.origin === self.location.origin && url.pathname === "/api/v1/assignments",
  new NetworkFirst({ cacheName: apiCache, networkTimeoutSeconds, plugins: [prefetchOpen] }),
);
registerRoute(
  ({ url, request }) =>
    request.method === "GET" &&
    url.origin === self.location.origin &&
    (url.pathname === "/api/v1/me" || /^\/api\/v1\/assignments\/[^/]+$/.test(url.pathname)),
  assignment,
);
