// The files that prove a contact (docs/evidence.md): the call recording,
// screenshots of a chat or an e-mail, the e-mail itself. Attached through
// the outbox like every other change, so a file chosen with no network is
// kept on the phone (IndexedDB holds the file) and sent when there is one.
// Uploads and removals have a scope of their own: a file the server refuses
// (not a recording, too large) waits for the shopper's decision without
// holding back the report's answers or its submission.
import type { EvidenceFile } from "../../api/types";
import { h, onClick } from "../../dom";
import { instant } from "../../format";
import { t } from "../../i18n";
import { enqueue, queued, subscribe, withdraw, type QueuedOperation } from "../../offline/outbox";
import { scopeStatus } from "../../offline/status";
import type { Scope } from "../../scope";

// The server's limits (domain/evidence.h), checked here too so that a phone
// does not send 100 MB to hear "too large"; the server's check is the rule.
const maxAudioBytes = 40_000_000;
const maxOtherBytes = 10_000_000;
export const evidenceAccept = "audio/*,image/png,image/jpeg,image/gif,image/webp,.eml,message/rfc822,application/pdf";

export function evidenceScope(id: string): string {
  return `${id}#evidence`;
}

function sizeText(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

// How a stored file is shown: played, looked at, or downloaded.
export function evidencePreview(file: EvidenceFile): HTMLElement {
  if (file.kind === "audio") {
    return h("audio", { controls: true, preload: "metadata", src: file.url, "aria-label": file.name });
  }
  if (file.kind === "image") {
    return h(
      "a",
      { href: file.url, target: "_blank", rel: "noopener" },
      h("img", { src: file.url, alt: file.name, class: "evidence-image" }),
    );
  }
  return h("a", { href: file.url, download: file.name }, t("evidenceDownload"));
}

function storedRow(file: EvidenceFile, remove: (() => void) | null): HTMLElement {
  const button = remove ? h("button", { type: "button", "data-testid": "evidence-remove" }, t("evidenceRemove")) : null;
  if (button && remove) onClick(button, remove);
  return h(
    "li",
    { "data-testid": "evidence-file" },
    h("span", { class: "evidence-name" }, file.name),
    h("span", { class: "meta" }, ` · ${file.size} · ${instant(file.uploaded_at)} `),
    evidencePreview(file),
    button,
  );
}

function waitingRow(op: QueuedOperation, cancel: () => void): HTMLElement {
  const button = h("button", { type: "button", "data-testid": "evidence-cancel" }, t("evidenceCancel"));
  onClick(button, cancel);
  const name = new URLSearchParams(op.path.split("?")[1] ?? "").get("name") ?? "";
  return h(
    "li",
    { "data-testid": "evidence-waiting" },
    h("span", { class: "evidence-name" }, name),
    h(
      "span",
      { class: "meta" },
      ` · ${sizeText(op.file?.size ?? 0)} · ${t(op.failure ? "outboxFailed" : "outboxWaiting")} `,
    ),
    button,
  );
}

export interface EvidenceVisit {
  id: string;
  editable: boolean;
}

// The card: the files stored, those waiting on the phone, and a picker.
export function evidenceCard(visit: EvidenceVisit, stored: EvidenceFile[], scope: Scope): HTMLElement {
  const scopeId = evidenceScope(visit.id);
  let files = [...stored];
  const list = h("ul", { class: "evidence", "data-testid": "evidence-list" });
  const note = h("p", { class: "meta", role: "status", "data-testid": "evidence-note" });
  const status = scopeStatus(
    scopeId,
    () => Promise.resolve(0),
    () => void render(),
    { testId: "evidence-state", rebase: false },
  );
  scope.own(() => status.stop());
  const picker = h("input", {
    type: "file",
    multiple: true,
    accept: evidenceAccept,
    "data-testid": "evidence-input",
    "aria-label": t("attachEvidence"),
  });

  const pick = h("label", { class: "evidence-pick" }, t("attachEvidence"), " ", picker);

  async function render(): Promise<void> {
    const ops = await queued(scopeId);
    const removing = new Set(ops.filter((op) => op.method === "DELETE").map((op) => op.path));
    const rows = files
      .filter((file) => !removing.has(`/evidence/${file.id}`))
      .map((file) => storedRow(file, visit.editable ? () => void remove(file) : null));
    for (const op of ops) {
      if (op.file) rows.push(waitingRow(op, () => void withdraw(op.seq!).then(render)));
    }
    list.replaceChildren(...rows);
    if (!rows.length) list.replaceChildren(h("li", { class: "meta" }, t("noEvidence")));
    pick.hidden = !visit.editable;
    await status.refresh();
  }

  async function remove(file: EvidenceFile): Promise<void> {
    await enqueue({
      scope: scopeId,
      kind: "evidence-remove",
      method: "DELETE",
      path: `/evidence/${file.id}`,
      body: {},
    });
    await render();
  }

  picker.addEventListener("change", () => {
    const chosen = [...(picker.files ?? [])];
    picker.value = "";
    const refused: string[] = [];
    void (async () => {
      for (const file of chosen) {
        const max = file.type.startsWith("audio/") ? maxAudioBytes : maxOtherBytes;
        if (file.size > max) {
          refused.push(`${file.name}: ${t("fileTooLarge")} ${sizeText(max)}`);
          continue;
        }
        await enqueue({
          scope: scopeId,
          kind: "evidence",
          method: "POST",
          path: `/assignments/${encodeURIComponent(visit.id)}/evidence?name=${encodeURIComponent(file.name)}`,
          body: {},
          file,
        });
      }
      note.textContent = refused.join("; ");
      await render();
    })();
  });

  // The server's answer to an upload or a removal, as it arrives.
  scope.own(
    subscribe((changed, reply) => {
      if (changed !== scopeId) return;
      if (reply && typeof reply === "object" && "evidence" in reply) {
        const added = (reply as { evidence: EvidenceFile }).evidence;
        if (!files.some((file) => file.id === added.id)) files.push(added);
      }
      if (reply && typeof reply === "object" && "removed" in reply) {
        const gone = (reply as { removed: number }).removed;
        files = files.filter((file) => file.id !== gone);
      }
      if (scope.active) void render();
    }),
  );

  void render();
  return h(
    "section",
    { class: "card", "data-testid": "evidence" },
    h("h2", {}, t("evidence")),
    h("p", { class: "meta" }, t("evidenceHelp")),
    list,
    pick,
    note,
    status.element,
  );
}
