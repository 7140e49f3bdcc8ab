// The transport under /api/v1. The session cookie is HttpOnly, so the page
// never sees it; state-changing calls carry the CSRF token from /me, and every
// one of them says its body is JSON (the server refuses a body of any other
// type), even when it has none.
import type { ProblemBody } from "./types";

let csrf = "";

export function setCsrf(token: string): void {
  csrf = token;
}

// A failed call: the server's RFC 9457 problem, or status 0 when the server
// could not be reached or did not answer in JSON.
export class ApiProblem extends Error {
  constructor(
    public readonly status: number,
    public readonly detail: string,
    public readonly field?: string,
    public readonly errors: { field: string; detail: string }[] = [],
  ) {
    super(detail);
    this.name = "ApiProblem";
  }
}

export type Method = "GET" | "POST" | "PUT" | "DELETE";

export async function request<T>(method: Method, path: string, body?: object): Promise<T> {
  return send<T>(method, path, body === undefined ? undefined : JSON.stringify(body), "application/json");
}

// A file's bytes as the body (an evidence upload): the server reads its type
// from the content, so the type sent is only "bytes".
export async function upload<T>(path: string, file: Blob): Promise<T> {
  return send<T>("POST", path, file, "application/octet-stream");
}

async function send<T>(method: Method, path: string, body: BodyInit | undefined, type: string): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (method !== "GET") {
    headers["Content-Type"] = type;
    if (csrf) headers["X-CSRF-Token"] = csrf;
  }
  let response: Response;
  try {
    response = await fetch("/api/v1" + path, { method, headers, body, credentials: "same-origin" });
  } catch {
    throw new ApiProblem(0, "");
  }
  const json = parseJson(await response.text());
  if (!response.ok) throw problemOf(response, json);
  if (json === undefined) throw new ApiProblem(0, response.statusText);
  // The shapes in ./types are the server's contract (src/server/json_views.cc).
  return json as T;
}

function parseJson(text: string): unknown {
  if (!text) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isProblem(json: unknown): json is Partial<ProblemBody> {
  return typeof json === "object" && json !== null;
}

function problemOf(response: Response, json: unknown): ApiProblem {
  if (!isProblem(json)) return new ApiProblem(response.status, response.statusText);
  const detail = typeof json.detail === "string" ? json.detail : response.statusText;
  const field = typeof json.field === "string" ? json.field : undefined;
  return new ApiProblem(response.status, detail, field, Array.isArray(json.errors) ? json.errors : []);
}
