// What the server sends, route by route (src/server/json_views.cc, routes_*.cc
// and src/results/results_json.cc). A field the server leaves out when empty
// is optional here; one it sends as null is `| null`.

export type Role = "admin" | "manager" | "shopper" | "participant";
export type Channel = "phone" | "email_form" | "chat" | "messenger";
export type ContactStatus = "planned" | "started" | "submitted" | "approved" | "returned" | "failed";
export type Responder = "unknown" | "person" | "chatbot";
// What one attempt at a contact came to (src/domain/fieldwork.h, AttemptOutcome).
export type AttemptOutcome = "pending" | "answered" | "no_answer" | "busy" | "closed" | "gave_up" | "never_answered";
export type UnansweredOutcome = Exclude<AttemptOutcome, "pending" | "answered">;

export interface Attempt {
  round: number;
  started_at: string | null;
  ended_at: string | null;
  outcome: AttemptOutcome;
}

// The worklist's groups, in the order the server sorts them (src/domain/worklist.h).
export type WorkGroup = "returned" | "overdue" | "open" | "upcoming" | "done";

export type QuestionType = "yes_no" | "scale" | "choice" | "nps" | "csat" | "ces" | "duration" | "number" | "text";

// RFC 9457 problem details (application/problem+json); a draft or submission
// with several faults lists them all under `errors`.
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  field?: string;
  errors?: { field: string; detail: string }[];
}

export interface Account {
  id: number;
  email: string;
  name: string;
  role: Role;
  language: string;
  shopper_id?: string;
  participant_id?: string;
  active: boolean;
  deactivated_at?: string;
}

// POST /users/{id}/password-reset: the link, shown once.
export interface PasswordResetLink {
  token: string;
  url: string;
  email: string;
  expires_at: string;
}

// GET /me
export interface Me {
  account: Account;
  csrf_token: string;
  study: { id: string; name: string; year: number; languages: string[] };
}

// POST /session
export interface SessionReply {
  account: Account;
  csrf_token: string;
}

// One answer as stored; the form sends the same shape without guessing.
export interface Answer {
  question: string;
  not_applicable?: boolean;
  number?: number;
  text?: string;
}

export interface AreaComment {
  area: string;
  text: string;
}

export interface Scenario {
  id: string;
  title: string;
  script: string;
}

// ContactRowJson: a row of the assignment list or the QA queue, loaded
// without its report: no `answers`, `comments` or `asked` (see Contact).
export interface ContactRow {
  id: string;
  participant: string;
  company: string;
  shopper: string;
  channel: Channel;
  scenario: Scenario | null;
  planned_at: string;
  status: ContactStatus;
  started_at: string | null;
  answered_at: string | null;
  wait_s: number | null;
  responder: Responder;
  submitted_at: string | null;
  // Every attempt, oldest first; attempts_left in the current round.
  attempts: Attempt[];
  attempts_left: number;
  max_wait_s: number;
  // How to reach the company on this channel (the channel audit); "" when not recorded.
  reach: string;
}

// GET /assignments: a row with its place on the worklist (local times of the study).
export interface WorklistRow extends ContactRow {
  group: WorkGroup;
  window: { from: string; to: string; deadline: string };
}

// What every paged list carries beside its items (src/server/route_helpers.h).
export interface Paged {
  page: number;
  per_page: number;
  total: number;
  pages: number;
}

// GET /qa: one page of the queue; `next_cursor` is the last row's id when the page is full.
export interface QaQueuePage extends Paged {
  queue: ContactRow[];
  next_cursor: string | null;
}

// GET /qa/counts: contacts per status, and the QA backlog per participant and channel.
export interface QaCounts {
  total: number;
  status: Record<ContactStatus, number>;
  submitted_by_participant: { key: string; label: string; submitted: number }[];
  submitted_by_channel: { key: Channel; submitted: number }[];
}

// POST /contacts/{id}/approve: the approved contact and the next report of the queue filter.
export interface ApproveReply extends Contact {
  next: string | null;
}

// ContactJson: every reply of a contact action and of one assignment.
export interface Contact extends ContactRow {
  answers: Answer[];
  comments: AreaComment[];
  // The ids of the questions asked now, given these answers (the server's
  // one relevance rule, src/domain/relevance.h), in study order.
  asked: string[];
  // The unanswered outcomes the contact's channel has (src/domain/fieldwork_service.h).
  outcomes: UnansweredOutcome[];
  // How many changes the report has had: a change made on the phone names the
  // version it was made on (src/server/route_helpers.h).
  version?: number;
}

export interface SubmitReply extends Contact {
  already_submitted?: boolean;
}

// When a question is asked (src/domain/relevance.h, AskedWhen): never, or
// when every link holds. A link holds when the answer to `question` has a
// value among `numbers` (numeric types; yes is 1) or `texts` (choice, text),
// or, with `except`, among none of them; N/A and unanswered hold none.
export interface AskedLink {
  question: string;
  numbers?: number[];
  texts?: string[];
  except: boolean;
}

export interface AskedWhen {
  never: boolean;
  all_of: AskedLink[];
}

export interface Question {
  id: string;
  area: string;
  type: QuestionType;
  label: string;
  required: boolean;
  allow_na: boolean;
  min: number;
  max: number;
  options?: { id: string; label: string }[];
  asked_when?: AskedWhen;
}

export interface Questionnaire {
  areas: { id: string; label: string }[];
  questions: Question[];
}

export interface ChangeEntry {
  at: string;
  actor: string;
  field: string;
  old: string;
  new: string;
  reason: string;
}

// GET /assignments/{id}: the contact with what the form needs; `changes` for staff only.
// A file attached to a report (docs/evidence.md): served at `url` to staff
// and the report's shopper.
export interface EvidenceFile {
  id: number;
  name: string;
  media_type: string;
  kind: "audio" | "image" | "email" | "document";
  bytes: number;
  size: string;
  uploaded_by: string;
  uploaded_at: string;
  url: string;
}

export interface AssignmentDetail extends Contact {
  questionnaire: Questionnaire;
  message: string | null;
  evidence: EvidenceFile[];
  changes?: ChangeEntry[];
}

export interface AuditEntry extends ChangeEntry {
  entity: string;
  entity_id: string;
}

export interface ProgressRow {
  key: string;
  label: string;
  total: number;
  planned: number;
  started: number;
  submitted: number;
  approved: number;
  returned: number;
  failed: number;
  done: number;
}

// GET /progress: one list of rows per grouping; a grouping with no contacts is absent.
export type Progress = Partial<Record<"participant" | "channel" | "week" | "shopper" | "total", ProgressRow[]>>;

export type Pair = [number, number];

export interface ChannelScore {
  n: number;
  n_answered: number;
  score: number | null;
}

export interface ParticipantResult {
  id: string;
  name: string;
  industry: string;
  n: number;
  n_approved: number;
  n_provisional: number; // still in QA: counted, provisionally (docs/scoring.md)
  n_answered: number;
  ranked: boolean;
  score: number | null;
  score_answered: number | null;
  agent_score: number | null;
  ci: Pair | null;
  rank: number | null;
  rank_ci: Pair | null;
  p_best: number | null;
  sd: number | null;
  min: number | null;
  max: number | null;
  iqr: number | null;
  share_90: number | null;
  consistently_high: boolean;
  vs_industry: number | null;
  areas: Record<string, number | null>;
  channels: Record<string, ChannelScore>;
  questions: Record<string, number | null>;
  reference: Record<string, number | null>;
  nps: { value: number; ci: Pair | null; n: number; promoters: number; detractors: number } | null;
  csat: { value: number; ci: Pair | null; n: number } | null;
  ces: { mean: number; ci: Pair | null; easy: number; easy_ci: Pair | null; n: number } | null;
}

export interface GroupScore {
  n: number;
  score: number | null;
}

// The study's rule for which reports count while QA is under way.
export type ResultsFrom = "approved_and_in_qa" | "approved_only";

// GET /results (staff)
export interface StudyResults {
  study: string;
  name: string;
  approved_only: boolean;
  results_from: ResultsFrom;
  contacts: number;
  contacts_approved: number;
  contacts_provisional: number;
  answered: number;
  resamples: number;
  seed: number;
  agent_area: string;
  industries: {
    id: string;
    name: string;
    mean: number | null;
    best: number | null;
    winner: string | null;
    winner_clear: boolean;
    runner_up: string | null;
    p_winner_beats_runner_up: number | null;
    lead_ci: Pair | null;
    participants: string[];
  }[];
  participants: ParticipantResult[];
  channels: Record<string, GroupScore>;
  chat: { person: GroupScore; chatbot: GroupScore };
  issues: { contact: string; question: string; message: string }[];
}

// GET /participants/{id}/results: industry figures are aggregates only.
export interface ParticipantPage {
  participant: ParticipantResult;
  industry: {
    id: string;
    name: string;
    mean: number | null;
    best: number | null;
    participants: number;
    winner_is_you: boolean;
    winner_clear: boolean;
    areas: Record<string, number>;
    channels: Record<string, number>;
  };
  area_labels: Record<string, string>;
  results_from: ResultsFrom;
}

export interface RankedParticipant {
  id: string;
  name: string;
  rank: number | null;
  rank_range: Pair | null; // 95 % bootstrap interval of the rank: [best, worst]
  score: number | null;
  ci: Pair | null;
  p_best: number | null; // 0..1: the share of resamples in which it is best
  n: number;
  n_approved: number;
  n_provisional: number;
}

export interface RankedIndustry {
  id: string;
  name: string;
  mean: number | null;
  companies: number;
  winner: string;
  winner_name: string;
  runner_up: string;
  winner_clear: boolean;
  p_winner_beats_runner_up: number | null;
  lead_ci: Pair | null;
  ranked: RankedParticipant[];
}

// GET /ranking (staff's live preview) and GET /public/ranking (as published):
// one document (results/public_ranking.h).
export interface Ranking {
  study: { id: string; name: string; year: number };
  method: {
    contacts: number;
    companies: number;
    industries: number;
    fieldwork: { from: string | null; to: string | null };
    resamples: number;
    min_contacts_for_ranking: number;
  };
  industries: RankedIndustry[];
  counts: { results_from: ResultsFrom; contacts: number; approved: number; provisional: number };
  channels: Record<string, { n: number; mean: number | null; best?: { name: string; score: number } }>;
  chat: { person: { n: number; mean: number | null }; chatbot: { n: number; mean: number | null } };
  published_at?: string; // the public one only
  study_now?: string; // staff's preview only: the study's local time, YYYY-MM-DDTHH:MM
}

// GET /publication
export interface Publication {
  publish_at: string;
  made_by: number;
  made_at: string;
  stamp: number;
  public: boolean;
  changed_since: boolean;
}

// GET /invitations: a pending one (its link is never stored, so never shown).
export interface PendingInvitation {
  id: number;
  email: string;
  role: Role;
  shopper: string;
  participant: string;
  created_by: number;
  expires_at: string;
}

export interface Invitation {
  token: string;
  url: string;
  expires_at: string;
}

// What a shopper sends when saving a draft.
export interface Report {
  answers: Answer[];
  comments: AreaComment[];
}

// What staff send to correct one answer.
export interface Correction {
  question: string;
  reason: string;
  number?: number;
  text?: string;
  not_applicable?: boolean;
}

// GET /account-choices: what the caller may fill in the account forms.
export interface AccountChoices {
  roles: Role[];
  shoppers: { id: string; name: string }[];
  participants: { id: string; name: string; industry: string }[];
}

export interface NewInvitation {
  email: string;
  role: Role;
  shopper?: string;
  participant?: string;
}
