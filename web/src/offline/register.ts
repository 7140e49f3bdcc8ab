// Starts the offline parts at app start: the service worker (../../sw/sw.ts,
// served as /sw.js) that lets the app open without network, and the outbox's
// retries. Browsers without service workers (or on plain http off localhost)
// still get the outbox; they need the network to open the app.
import { flush, startRetrying } from "./outbox";

export function startOffline(): void {
  if ("serviceWorker" in navigator) {
    // The first time the worker takes over, what this page loaded before it
    // did is not in its cache yet: ask again (the worker caches the replies).
    const hadController = navigator.serviceWorker.controller !== null;
    navigator.serviceWorker.addEventListener("controllerchange", () => {
      if (!hadController) void warm();
    });
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch((error: unknown) => {
      console.warn("the service worker was not installed", error);
    });
  }
  startRetrying();
  void flush();
}

// Only a shopper's worklist is kept on the device (staff work online).
async function warm(): Promise<void> {
  const get = (path: string) => fetch(path, { credentials: "same-origin", headers: { Accept: "application/json" } });
  try {
    const me = (await (await get("/api/v1/me")).json()) as { account?: { role?: string } };
    if (me.account?.role === "shopper") await get("/api/v1/assignments");
  } catch {
    // Offline already, or not logged in: the next load tries again.
  }
}

// On logout: what the service worker cached of this account goes.
export async function forgetCachedData(): Promise<void> {
  if ("caches" in window) await caches.delete("cxbench-api");
}
