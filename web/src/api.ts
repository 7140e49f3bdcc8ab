// The JSON API under /api/v1: the session cookie is HttpOnly, so the page
// never sees it; state-changing calls carry the CSRF token from /me.
let csrf = "";

export class ApiError extends Error {
  constructor(public status: number, public detail: string, public field?: string) {
    super(detail);
  }
}

export function setCsrf(token: string): void {
  csrf = token;
}

export async function api<T = any>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && csrf) headers["X-CSRF-Token"] = csrf;
  const response = await fetch("/api/v1" + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: "same-origin",
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : {};
  if (!response.ok) throw new ApiError(response.status, json.detail ?? response.statusText, json.field);
  return json as T;
}
