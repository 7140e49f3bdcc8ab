// The outbox: every change a user makes is written to the device first
// (IndexedDB, through `idb`) and sent to the server from there, so nothing
// answered is lost whatever the network does.
//
// Contract:
// - An operation is a method, a path under /api/v1, a JSON body, the scope it
//   belongs to (an assignment's id) and a kind ("start", "draft", ...; the
//   caller's name for it). enqueue() resolves once it is stored on the device.
// - Operations are sent one at a time, in the order they were queued. The
//   body sent is the caller's body plus `client_change_id` (a UUID made when
//   the operation was queued) and `base_version` (the scope's version as the
//   server last said it): both are fixed when the operation is first sent, so
//   a resend after a lost reply is byte-identical and the server answers it
//   with the reply it gave (src/server/route_helpers.h).
// - An operation leaves the device only when the server confirmed it (2xx);
//   the reply's `version` becomes the scope's. No answer (offline, 5xx) keeps
//   it and stops sending until the next try: on `online`, at app start and
//   every half minute. A refusal (4xx, a 409 conflict included) marks it
//   failed with the server's reason; the later operations of its scope wait
//   behind it until the user resolves it (rebase: send again on the server's
//   current version; discard: drop the phone's changes of that scope).
// - `replaces`: an operation that carries the whole state (a draft) replaces
//   the earlier ones of its kind and scope that are not on their way; they
//   hold nothing it does not.
// - Operations belong to the account that made them and are sent only while
//   it is logged in.
// - `file`: an operation that sends a file's bytes (an evidence upload) rather
//   than JSON; the device's id goes in the query (client_change_id), so a
//   resend is still recognised. IndexedDB keeps the Blob itself.
// Listeners hear every change of the queue, and each reply with its scope.
import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import { ApiProblem, request, upload, type Method } from "../api/client";

export interface Operation {
  scope: string;
  kind: string;
  method: Method;
  path: string;
  body: Record<string, unknown>;
  replaces?: boolean;
  file?: Blob;
}

export interface QueuedOperation extends Operation {
  seq?: number;
  account: string;
  clientId: string;
  queuedAt: string;
  // The body as first sent (with client_change_id and base_version): resent as is.
  sent?: string;
  failure?: { status: number; detail: string; field?: string };
}

interface OutboxDb extends DBSchema {
  operations: { key: number; value: QueuedOperation };
  versions: { key: string; value: { scope: string; version: number } };
}

export type Listener = (scope: string | null, reply?: unknown) => void;

const listeners = new Set<Listener>();
let database: Promise<IDBPDatabase<OutboxDb>> | null = null;
let account = "";
let flushing: Promise<void> | null = null;

function db(): Promise<IDBPDatabase<OutboxDb>> {
  database ??= openDB<OutboxDb>("cxbench-outbox", 1, {
    upgrade(upgrading) {
      upgrading.createObjectStore("operations", { keyPath: "seq", autoIncrement: true });
      upgrading.createObjectStore("versions", { keyPath: "scope" });
    },
  });
  return database;
}

function notify(scope: string | null, reply?: unknown): void {
  for (const listener of listeners) listener(scope, reply);
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// The account whose operations are sent (empty: nobody is logged in).
export function setAccount(email: string): void {
  account = email;
  if (email) void flush();
}

export async function queued(scope?: string): Promise<QueuedOperation[]> {
  const all = await (await db()).getAll("operations");
  return all.filter((op) => op.account === account && (scope === undefined || op.scope === scope));
}

export async function enqueue(operation: Operation): Promise<void> {
  const transaction = (await db()).transaction("operations", "readwrite");
  const store = transaction.store;
  if (operation.replaces) {
    for (const old of await store.getAll()) {
      const onItsWay = old.sent !== undefined && old.failure === undefined;
      if (old.account === account && old.scope === operation.scope && old.kind === operation.kind && !onItsWay) {
        await store.delete(old.seq!);
      }
    }
  }
  await store.add({ ...operation, account, clientId: crypto.randomUUID(), queuedAt: new Date().toISOString() });
  await transaction.done;
  notify(operation.scope);
  void flush();
}

// The version of `scope` the server last gave; the caller sets it from a
// fresh load when nothing of the scope is queued.
export async function noteVersion(scope: string, version: number): Promise<void> {
  await (await db()).put("versions", { scope, version });
}

async function versionOf(scope: string): Promise<number | undefined> {
  return (await (await db()).get("versions", scope))?.version;
}

// Sends what is queued, in order; one run at a time.
export function flush(): Promise<void> {
  flushing ??= sendAll().finally(() => (flushing = null));
  return flushing;
}

async function sendAll(): Promise<void> {
  const blocked = new Set<string>();
  for (;;) {
    const next = (await queued()).find((op) => !blocked.has(op.scope));
    if (!next || !account) return;
    if (next.failure) {
      blocked.add(next.scope);
      continue;
    }
    if (!(await sendOne(next))) return;
  }
}

// false: the server could not be reached; try again later.
async function sendOne(op: QueuedOperation): Promise<boolean> {
  const database = await db();
  if (op.sent === undefined) {
    const base = await versionOf(op.scope);
    op.sent = JSON.stringify({ ...op.body, client_change_id: op.clientId, base_version: base });
    await database.put("operations", op);
  }
  try {
    const reply = op.file
      ? await upload<{ version?: number }>(`${op.path}&client_change_id=${encodeURIComponent(op.clientId)}`, op.file)
      : await request<{ version?: number }>(op.method, op.path, JSON.parse(op.sent) as object);
    await database.delete("operations", op.seq!);
    if (typeof reply.version === "number") await noteVersion(op.scope, reply.version);
    notify(op.scope, reply);
    return true;
  } catch (error) {
    if (!(error instanceof ApiProblem) || error.status === 0 || error.status >= 500) return false;
    // 401: logged out meanwhile; sent again after the next login.
    if (error.status === 401) return false;
    op.failure = { status: error.status, detail: error.detail, field: error.field };
    await database.put("operations", op);
    notify(op.scope);
    return true;
  }
}

// After a refusal: the scope's operations are sent again as new changes,
// based on the server's version now.
export async function rebase(scope: string, version: number): Promise<void> {
  const database = await db();
  await noteVersion(scope, version);
  for (const op of await queued(scope)) {
    delete op.sent;
    delete op.failure;
    op.clientId = crypto.randomUUID();
    await database.put("operations", op);
  }
  notify(scope);
  void flush();
}

// After a refusal: the phone's changes of `scope` are dropped, on the user's word.
export async function discard(scope: string): Promise<void> {
  const database = await db();
  for (const op of await queued(scope)) await database.delete("operations", op.seq!);
  notify(scope);
}

// One operation not on its way to the server (never sent, or refused) is
// taken back on the user's word: a file they did not mean to attach.
export async function withdraw(seq: number): Promise<void> {
  const database = await db();
  const op = await database.get("operations", seq);
  if (!op || (op.sent !== undefined && op.failure === undefined)) return;
  await database.delete("operations", seq);
  notify(op.scope);
}

// Retries: when the network comes back, and every half minute.
export function startRetrying(): void {
  window.addEventListener("online", () => void flush());
  setInterval(() => {
    if (navigator.onLine) void flush();
  }, 30000);
}
