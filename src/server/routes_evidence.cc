// Evidence files of a report (docs/evidence.md): the report's shopper adds
// them while the report can be edited; staff and that shopper list, play and
// download them; participants never (the route's roles leave them out). The
// rules are domain/evidence.h; the files are store/evidence_files.h.
#include "server/routes_evidence.h"

#include <charconv>

#include "auth/password.h"
#include "domain/evidence.h"
#include "server/app.h"
#include "server/route_helpers.h"

namespace cx::server {
namespace {

using domain::EvidenceRefusal;

int StatusOf(EvidenceRefusal refusal) {
  switch (refusal) {
    case EvidenceRefusal::kNotEditable:
    case EvidenceRefusal::kTooMany:
      return 409;
    case EvidenceRefusal::kTooLarge:
      return 413;
    case EvidenceRefusal::kUnknownType:
      return 415;
    case EvidenceRefusal::kEmpty:
    case EvidenceRefusal::kBadName:
      return 400;
  }
  return 400;
}

Reply RefusalReply(const domain::EvidenceError& error) {
  const bool about_name = error.refusal == EvidenceRefusal::kBadName;
  return Problem(StatusOf(error.refusal), error.message, about_name ? "name" : "body");
}

Reply NoEvidenceStore() {
  return Problem(503, Msg("this server keeps no evidence files (it was started without a place "
                          "for them)"));
}

std::string QueryOf(const ApiRequest& request, const std::string& name) {
  const auto found = request.query.find(name);
  return found == request.query.end() ? std::string() : found->second;
}

// The log entry of a file added or removed: "name (type, size)".
std::string Described(const store::EvidenceRow& row) {
  return row.original_name + " (" + row.media_type + ", " +
         domain::EvidenceSizeText(static_cast<size_t>(row.bytes)) + ")";
}

Result<int64_t> VersionOf(App& app, const std::string& contact_id) {
  auto log = app.store().LoadChangeLogOf(app.study().id, "contact", contact_id);
  if (!log) return log.error();
  return domain::ContactVersion(*log);
}

// The reply to an upload, first time or resent: the file and the report's version.
Reply UploadedReply(App& app, const store::EvidenceRow& row, int status) {
  auto version = VersionOf(app, row.contact_id);
  if (!version) return ProblemFor(version.error());
  return Json({{"evidence", EvidenceJson(row)}, {"version", *version}}, status);
}

// A resent upload (the same client_change_id): the same file to the same
// report is answered as stored; anything else under that id is refused.
std::optional<Reply> AnswerResend(App& app, const std::string& change_id,
                                  const domain::Contact& contact, const std::string& sha256) {
  if (change_id.empty()) return std::nullopt;
  auto stored = app.store().FindEvidenceByChange(app.study().id, change_id);
  if (!stored) {
    if (stored.error().code == ErrorCode::kNotFound) return std::nullopt;
    return ProblemFor(stored.error());
  }
  if (stored->contact_id != contact.id || stored->sha256 != sha256) {
    return Problem(409, Msg("client_change_id '{1}' was used for another file", change_id),
                   "client_change_id");
  }
  return UploadedReply(app, *stored, 200);
}

Route UploadEvidence(App& app) {
  Route route{
      "POST",
      "/api/v1/assignments/{id}/evidence",
      {Role::kShopper},
      "Attach a file to the report: the body is the file's bytes (a recording, a screenshot, an "
      "e-mail, a PDF; its type is read from its content), ?name= the file's name, "
      "?client_change_id= the device's id of the upload (a resend stores nothing twice)",
      {{"type", "string"}, {"format", "binary"}},
      [&app](ApiRequest& request) {
        store::EvidenceFiles* files = app.evidence();
        if (files == nullptr) return NoEvidenceStore();
        {
          // Another's report is a 404 before anything about the file is said.
          std::lock_guard lock(app.mutex());
          domain::Contact contact;
          if (auto refused =
                  LoadContactToChange(app, request, ContactAccess::kOwnShopper, contact)) {
            return *refused;
          }
        }
        const std::string name = QueryOf(request, "name");
        const std::string change_id = QueryOf(request, "client_change_id");
        if (change_id.size() > kMaxIdChars) {
          return Problem(400, Msg("client_change_id is at most {1} characters", kMaxIdChars),
                         "client_change_id");
        }
        if (auto refused = domain::RefuseEvidenceFile(name, request.body)) {
          return RefusalReply(*refused);
        }
        store::EvidenceRow row;
        row.study_id = app.study().id;
        row.original_name = name;
        row.media_type = std::string(domain::SniffEvidence(request.body)->media_type);
        row.bytes = static_cast<int64_t>(request.body.size());
        row.sha256 = auth::Sha256Hex(request.body);
        row.uploaded_by = request.account->email;
        row.uploaded_at = NowUtc();
        row.change_id = change_id;
        row.stored_name = auth::NewToken().substr(0, 32);
        // Written and synced before the report is locked: a large file does
        // not hold everyone's requests. Removed again if the row is refused.
        if (Status written = files->Write(row.study_id, row.stored_name, request.body); !written) {
          return ProblemFor(written.error());
        }
        auto discard = [&](Reply reply) {
          (void)files->Remove(row.study_id, row.stored_name);
          return reply;
        };
        std::lock_guard lock(app.mutex());
        domain::Contact contact;
        if (auto refused = LoadContactToChange(app, request, ContactAccess::kOwnShopper, contact)) {
          return discard(*refused);
        }
        if (auto resent = AnswerResend(app, change_id, contact, row.sha256)) {
          return discard(*resent);
        }
        auto existing = app.store().ListEvidence(row.study_id, contact.id);
        if (!existing) return discard(ProblemFor(existing.error()));
        if (auto refused = domain::RefuseEvidenceOn(contact, existing->size())) {
          return discard(RefusalReply(*refused));
        }
        row.contact_id = contact.id;
        const domain::ChangeRecord entry{
            "", request.account->email, "contact", contact.id, "evidence",
            "", Described(row),         "evidence"};
        auto id = app.store().AddEvidence(row, entry);
        if (!id) return discard(ProblemFor(id.error()));
        row.id = *id;
        return UploadedReply(app, row, 201);
      }};
  route.max_file_bytes = domain::kMaxEvidenceUploadBytes;
  return route;
}

// The evidence row of {id} the caller may see: staff any, a shopper those of
// their own reports; anything else is a 404, as if it did not exist.
std::optional<Reply> LoadEvidenceFor(App& app, ApiRequest& request, store::EvidenceRow& out,
                                     domain::Contact* contact_out = nullptr) {
  auto none = [] { return Problem(404, Msg("no such evidence file"), "id"); };
  const auto id = RowIdOf(request.params["id"]);
  if (!id) return none();
  auto row = app.store().FindEvidence(app.study().id, *id);
  if (!row) return row.error().code == ErrorCode::kNotFound ? none() : ProblemFor(row.error());
  auto contact = app.store().LoadContact(app.study().id, row->contact_id);
  if (!contact) {
    return contact.error().code == ErrorCode::kNotFound ? none() : ProblemFor(contact.error());
  }
  const bool own =
      request.account->role == Role::kShopper && request.account->shopper_id == contact->shopper;
  if (!IsStaff(*request.account) && !own) return none();
  out = std::move(row).value();
  if (contact_out) *contact_out = std::move(contact).value();
  return std::nullopt;
}

// A single range of a Range header ("bytes=0-499", "bytes=500-",
// "bytes=-500") within `size` bytes, as [from, from + length); nullopt for
// a header that asks for no satisfiable range (416), and the whole file for
// one we do not read (several ranges: RFC 9110 lets a server ignore it).
struct ByteRange {
  size_t from = 0;
  size_t length = 0;
  bool partial = false;
};
std::optional<ByteRange> RangeOf(const std::string& header, size_t size) {
  ByteRange whole{0, size, false};
  constexpr std::string_view kUnit = "bytes=";
  if (header.empty() || header.rfind(kUnit, 0) != 0 || header.find(',') != std::string::npos) {
    return whole;
  }
  const std::string_view spec = std::string_view(header).substr(kUnit.size());
  const size_t dash = spec.find('-');
  if (dash == std::string_view::npos) return whole;
  auto number = [](std::string_view text, size_t& out) {
    if (text.empty() || text.size() > 18) return false;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
    return error == std::errc() && end == text.data() + text.size();
  };
  size_t first = 0, last = 0;
  const std::string_view left = spec.substr(0, dash), right = spec.substr(dash + 1);
  if (left.empty()) {  // the last N bytes
    if (!number(right, last) || last == 0 || size == 0) return std::nullopt;
    const size_t length = std::min(last, size);
    return ByteRange{size - length, length, true};
  }
  if (!number(left, first) || first >= size) return std::nullopt;
  if (right.empty()) {
    last = size - 1;
  } else if (!number(right, last) || last < first) {
    return std::nullopt;
  }
  last = std::min(last, size - 1);
  return ByteRange{first, last - first + 1, true};
}

// "filename*=UTF-8''..." (RFC 6266, RFC 8187): the shopper's name, any
// language, percent-encoded, with a plain ASCII fallback.
std::string DispositionOf(const store::EvidenceRow& row, bool inline_in_page) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  for (unsigned char c : row.original_name) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '.' || c == '-' || c == '_';
    if (plain) {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 15];
    }
  }
  const auto kind = domain::KindOfMediaType(row.media_type);
  const std::string fallback = "evidence-" + std::to_string(row.id) + "." +
                               (kind == domain::EvidenceKind::kEmail
                                    ? "eml"
                                    : (row.media_type == "application/pdf" ? "pdf" : "bin"));
  return std::string(inline_in_page ? "inline" : "attachment") + "; filename=\"" + fallback +
         "\"; filename*=UTF-8''" + encoded;
}

Route ServeEvidence(App& app) {
  Route route{"GET",
              "/api/v1/evidence/{id}",
              kShopperOrStaff,
              "One evidence file's bytes, as its type (recordings and pictures shown in the page, "
              "e-mails and PDFs downloaded); a Range header gets that part (206), for seeking in a "
              "recording. Staff, and the shopper of its report",
              nullptr,
              [&app](ApiRequest& request) {
                store::EvidenceFiles* files = app.evidence();
                if (files == nullptr) return NoEvidenceStore();
                store::EvidenceRow row;
                {
                  std::lock_guard lock(app.mutex());
                  if (auto refused = LoadEvidenceFor(app, request, row)) return *refused;
                }
                const size_t size = static_cast<size_t>(row.bytes);
                const auto range = RangeOf(request.range, size);
                if (!range) {
                  Reply reply = Problem(
                      416, Msg("the file has {1} bytes; the range asked for is not in it", size));
                  reply.headers["Content-Range"] = "bytes */" + std::to_string(size);
                  return reply;
                }
                auto content =
                    files->Read(row.study_id, row.stored_name, range->from, range->length);
                if (!content) return ProblemFor(content.error());
                const auto kind = domain::KindOfMediaType(row.media_type);
                const bool shown =
                    kind == domain::EvidenceKind::kAudio || kind == domain::EvidenceKind::kImage;
                Reply reply;
                reply.status = range->partial ? 206 : 200;
                reply.raw = std::move(content).value();
                reply.content_type = row.media_type;
                reply.headers["Accept-Ranges"] = "bytes";
                reply.headers["Content-Disposition"] = DispositionOf(row, shown);
                if (range->partial) {
                  reply.headers["Content-Range"] = "bytes " + std::to_string(range->from) + "-" +
                                                   std::to_string(range->from + range->length - 1) +
                                                   "/" + std::to_string(size);
                }
                return reply;
              }};
  route.heavy = true;  // up to 40 MB read and sent: on the small pool, never holding others
  return route;
}

Route RemoveEvidence(App& app) {
  return {
      "DELETE",
      "/api/v1/evidence/{id}",
      kShopperOrStaff,
      "Remove an evidence file: its shopper while the report can be edited; staff at any time, "
      "with a reason ({\"reason\": ...}, kept in the report's change log)",
      StringsSchema({}, {"reason"}),
      [&app](ApiRequest& request) {
        store::EvidenceFiles* files = app.evidence();
        if (files == nullptr) return NoEvidenceStore();
        nlohmann::json body = nlohmann::json::object();
        if (!request.body.empty()) {
          if (auto problem = ParseBody(request.body, body)) return *problem;
        }
        std::vector<FieldProblem> problems;
        FieldReader reader(body, "", problems);
        std::string reason;
        const bool staff = IsStaff(*request.account);
        reader.Text("reason", reason,
                    staff ? FieldReader::Need::kRequired : FieldReader::Need::kOptional);
        if (!problems.empty()) {
          return FieldsProblem(400, Msg("the file was not removed"), problems);
        }
        std::lock_guard lock(app.mutex());
        store::EvidenceRow row;
        domain::Contact contact;
        if (auto refused = LoadEvidenceFor(app, request, row, &contact)) return *refused;
        if (!staff && !domain::ShopperMayRemoveEvidence(contact)) {
          return Problem(409, Msg("the report is {1}: its files can no longer be removed",
                                  std::string(domain::ToString(contact.status))));
        }
        const domain::ChangeRecord entry{
            "",         request.account->email, "contact", contact.id,
            "evidence", Described(row),         "",        reason.empty() ? "evidence" : reason};
        if (Status removed = app.store().DeleteEvidence(row.study_id, row.id, entry); !removed) {
          return ProblemFor(removed.error());
        }
        // The row is gone first: a crash here leaves an orphan file, which
        // the next start removes, never a row without its file.
        (void)files->Remove(row.study_id, row.stored_name);
        auto version = VersionOf(app, contact.id);
        if (!version) return ProblemFor(version.error());
        return Json({{"removed", row.id}, {"version", *version}});
      }};
}

}  // namespace

nlohmann::json EvidenceJson(const store::EvidenceRow& row) {
  const auto kind = domain::KindOfMediaType(row.media_type);
  return {{"id", row.id},
          {"name", row.original_name},
          {"media_type", row.media_type},
          {"kind", std::string(domain::ToString(kind))},
          {"bytes", row.bytes},
          {"size", domain::EvidenceSizeText(static_cast<size_t>(row.bytes))},
          {"uploaded_by", row.uploaded_by},
          {"uploaded_at", row.uploaded_at},
          {"url", "/api/v1/evidence/" + std::to_string(row.id)}};
}

Result<nlohmann::json> EvidenceListJson(App& app, const std::string& contact_id) {
  auto rows = app.store().ListEvidence(app.study().id, contact_id);
  if (!rows) return rows.error();
  nlohmann::json list = nlohmann::json::array();
  for (const auto& row : *rows) list.push_back(EvidenceJson(row));
  return list;
}

void App::AddEvidenceRoutes() {
  routes_.push_back(UploadEvidence(*this));
  routes_.push_back(ServeEvidence(*this));
  routes_.push_back(RemoveEvidence(*this));
}

}  // namespace cx::server
