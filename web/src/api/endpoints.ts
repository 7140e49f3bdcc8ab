// Every route the web app calls, typed by what it sends and what comes back.
import { request } from "./client";
import type {
  AccountChoices,
  AssignmentDetail,
  Contact,
  Correction,
  Invitation,
  Me,
  NewInvitation,
  PendingInvitation,
  PasswordResetLink,
  ParticipantPage,
  Progress,
  Publication,
  Ranking,
  Report,
  Responder,
  SessionReply,
  StudyResults,
  SubmitReply,
  Account,
  ApproveReply,
  AuditEntry,
  Paged,
  QaCounts,
  QaQueuePage,
  UnansweredOutcome,
  WorklistRow,
} from "./types";

const at = encodeURIComponent;

export const getMe = () => request<Me>("GET", "/me");
export const logIn = (email: string, password: string) =>
  request<SessionReply>("POST", "/session", { email, password });
export const logOut = () => request<{ logged_out: boolean }>("DELETE", "/session");
export const setLanguage = (language: string) => request<{ language: string }>("PUT", "/me/language", { language });

export const listAssignments = () =>
  request<{ assignments: WorklistRow[]; now: string } & Paged>("GET", "/assignments");
export const getAssignment = (id: string) => request<AssignmentDetail>("GET", `/assignments/${at(id)}`);
export const startContact = (id: string) => request<Contact>("POST", `/assignments/${at(id)}/start`);
export const markAnswered = (id: string, responder?: Exclude<Responder, "unknown">) =>
  request<Contact>("POST", `/assignments/${at(id)}/answered`, responder ? { responder } : {});
export const recordOutcome = (id: string, outcome: UnansweredOutcome) =>
  request<Contact>("POST", `/assignments/${at(id)}/outcome`, { outcome });
export const restartContact = (id: string) => request<Contact>("POST", `/assignments/${at(id)}/restart`);
export const saveDraft = (id: string, report: Report) =>
  request<Contact>("PUT", `/assignments/${at(id)}/draft`, report);
export const submitReport = (id: string) => request<SubmitReply>("POST", `/assignments/${at(id)}/submit`);
// Staff remove an evidence file with a reason (the report's change log keeps it).
export const removeEvidence = (id: number, reason: string) =>
  request<{ removed: number; version: number }>("DELETE", `/evidence/${id}`, { reason });

// `query`: the queue's filter, sort and page as GET /qa takes them (status, participant, channel, q, …).
const withQuery = (path: string, query?: URLSearchParams) =>
  query && query.toString() ? `${path}?${query.toString()}` : path;
export const qaQueue = (query?: URLSearchParams) => request<QaQueuePage>("GET", withQuery("/qa", query));
export const qaCounts = () => request<QaCounts>("GET", "/qa/counts");
export const correctAnswer = (id: string, correction: Correction) =>
  request<Contact>("POST", `/contacts/${at(id)}/corrections`, correction);
// `filter`: the queue filter whose next report the reply names.
export const approveReport = (id: string, filter?: URLSearchParams) =>
  request<ApproveReply>("POST", withQuery(`/contacts/${at(id)}/approve`, filter));
export const returnReport = (id: string, message: string) =>
  request<Contact>("POST", `/contacts/${at(id)}/return`, { message });
export const auditTrail = (page = 1) => request<{ entries: AuditEntry[] } & Paged>("GET", `/audit?page=${page}`);
export const progress = () => request<Progress>("GET", "/progress");

export const studyResults = () => request<StudyResults>("GET", "/results");
export const participantResults = (id: string) => request<ParticipantPage>("GET", `/participants/${at(id)}/results`);
// Downloads in the interface's language (`lang`), whatever the account's.
export const reportUrl = (id: string, format: "pdf" | "html", lang: string) =>
  `/api/v1/participants/${at(id)}/report?format=${format}&lang=${at(lang)}`;
export type ExportFormat = "csv" | "xlsx" | "sav";
export const exportUrl = (format: ExportFormat, lang: string) => `/api/v1/export?format=${format}&lang=${at(lang)}`;
export const ranking = () => request<Ranking>("GET", "/ranking");
export const publicRanking = () => request<Ranking>("GET", "/public/ranking");
export const publication = () => request<Publication>("GET", "/publication");
export const publish = (publishAt: string) => request<Publication>("PUT", "/publication", { publish_at: publishAt });
export const withdrawPublication = () => request<{ withdrawn: boolean }>("DELETE", "/publication");

export const listUsers = (page = 1) => request<{ users: Account[] } & Paged>("GET", `/users?page=${page}`);
export const accountChoices = () => request<AccountChoices>("GET", "/account-choices");
export const pendingInvitations = (page = 1) =>
  request<{ invitations: PendingInvitation[] } & Paged>("GET", `/invitations?page=${page}`);
export const revokeInvitation = (id: number) => request<{ revoked: number }>("DELETE", `/invitations/${id}`);
export const setUserActive = (id: number, active: boolean) =>
  request<Account>("POST", `/users/${id}/${active ? "reactivate" : "deactivate"}`);
export const passwordResetLink = (id: number) => request<PasswordResetLink>("POST", `/users/${id}/password-reset`);
export const resetPassword = (token: string, password: string) =>
  request<{ email: string; active: boolean }>("POST", `/password-resets/${at(token)}`, { password });
export const invite = (invitation: NewInvitation) => request<Invitation>("POST", "/invitations", invitation);
export const acceptInvitation = (token: string, name: string, password: string, language: string) =>
  request<Account>("POST", `/invitations/${at(token)}/accept`, { name, password, language });
