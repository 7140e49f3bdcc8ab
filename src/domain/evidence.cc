#include "domain/evidence.h"

#include <array>
#include <cstdint>
#include <cstdio>

#include "core/utf8.h"
#include "domain/fieldwork_service.h"

namespace cx::domain {
namespace {

bool StartsAt(std::string_view content, size_t at, std::string_view magic) {
  return content.size() >= at + magic.size() && content.substr(at, magic.size()) == magic;
}

uint8_t Byte(std::string_view content, size_t at) { return static_cast<uint8_t>(content[at]); }

// An MPEG audio frame header (ISO 11172-3): 11 sync bits, then no reserved
// version, layer, bit-rate or sample-rate value. JPEG's FF D8 and AAC's ADTS
// (layer 0) do not pass.
bool IsMpegAudioFrame(std::string_view content) {
  if (content.size() < 4 || Byte(content, 0) != 0xFF || (Byte(content, 1) & 0xE0) != 0xE0) {
    return false;
  }
  const int version = (Byte(content, 1) >> 3) & 3;
  const int layer = (Byte(content, 1) >> 1) & 3;
  const int bitrate = Byte(content, 2) >> 4;
  const int sample_rate = (Byte(content, 2) >> 2) & 3;
  return version != 1 && layer != 0 && bitrate != 0xF && sample_rate != 3;
}

// ISO base media (MP4): a box of type "ftyp" first, with a brand of an
// audio file or a general one (a phone's voice memo is "M4A ", Safari's
// recorder writes "iso5"/"mp42").
bool IsMp4Audio(std::string_view content) {
  if (!StartsAt(content, 4, "ftyp") || content.size() < 12) return false;
  static constexpr std::array<std::string_view, 7> kBrands = {"M4A ", "M4B ", "mp41", "mp42",
                                                              "isom", "iso5", "iso6"};
  const std::string_view brand = content.substr(8, 4);
  for (std::string_view known : kBrands) {
    if (brand == known) return true;
  }
  return false;
}

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool IsFieldNameChar(char c) { return c >= '!' && c <= '~' && c != ':'; }

// An RFC 5322 message: header lines ("Name: value", or a continuation
// starting with white space) up to an empty line or the end of what is
// looked at, naming From and one of Date, Subject, Received, Message-ID.
// An mbox export's first "From " line is skipped. No NUL byte in the header.
bool IsEmail(std::string_view content) {
  constexpr size_t kLookedAt = 64 * 1024;
  std::string_view head = content.substr(0, std::min(content.size(), kLookedAt));
  if (head.find('\0') != std::string_view::npos) return false;
  if (StartsAt(head, 0, "From ")) {
    const size_t end = head.find('\n');
    if (end == std::string_view::npos) return false;
    head.remove_prefix(end + 1);
  }
  bool from = false, other = false;
  size_t lines = 0;
  while (!head.empty()) {
    size_t end = head.find('\n');
    std::string_view line = head.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) break;  // the end of the header
    if (line.front() == ' ' || line.front() == '\t') {
      if (lines == 0) return false;  // a continuation of nothing
    } else {
      const size_t colon = line.find(':');
      if (colon == 0 || colon == std::string_view::npos) return false;
      std::string name;
      for (char c : line.substr(0, colon)) {
        if (!IsFieldNameChar(c)) return false;
        name += AsciiLower(c);
      }
      from = from || name == "from";
      other = other || name == "date" || name == "subject" || name == "received" ||
              name == "message-id";
    }
    ++lines;
    if (end == std::string_view::npos) break;
    head.remove_prefix(end + 1);
  }
  return from && other;
}

constexpr EvidenceType Audio(std::string_view media_type, std::string_view extension) {
  return {EvidenceKind::kAudio, media_type, extension, true};
}
constexpr EvidenceType Image(std::string_view media_type, std::string_view extension) {
  return {EvidenceKind::kImage, media_type, extension, true};
}

EvidenceError Refusal(EvidenceRefusal refusal, Message message) {
  return {refusal, std::move(message)};
}

bool IsGoodName(std::string_view name) {
  const auto decoded = DecodeUtf8(name);
  if (!decoded || decoded->empty() || decoded->size() > kMaxEvidenceNameChars) return false;
  for (char32_t c : *decoded) {
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) return false;
  }
  return true;
}

}  // namespace

std::string_view ToString(EvidenceKind kind) {
  switch (kind) {
    case EvidenceKind::kAudio:
      return "audio";
    case EvidenceKind::kImage:
      return "image";
    case EvidenceKind::kEmail:
      return "email";
    case EvidenceKind::kDocument:
      return "document";
  }
  return "document";
}

std::optional<EvidenceType> SniffEvidence(std::string_view content) {
  if (StartsAt(content, 0, "RIFF") && StartsAt(content, 8, "WAVE"))
    return Audio("audio/wav", "wav");
  if (StartsAt(content, 0, "RIFF") && StartsAt(content, 8, "WEBPVP8")) {
    return Image("image/webp", "webp");
  }
  if (StartsAt(content, 0, "\x89PNG\r\n\x1a\n") && StartsAt(content, 12, "IHDR")) {
    return Image("image/png", "png");
  }
  if (StartsAt(content, 0, "\xFF\xD8\xFF")) return Image("image/jpeg", "jpg");
  if (StartsAt(content, 0, "GIF87a") || StartsAt(content, 0, "GIF89a")) {
    return Image("image/gif", "gif");
  }
  if (StartsAt(content, 0, "ID3") && content.size() > 3 && Byte(content, 3) < 0xFF) {
    return Audio("audio/mpeg", "mp3");
  }
  if (IsMpegAudioFrame(content)) return Audio("audio/mpeg", "mp3");
  if (StartsAt(content, 0, "OggS")) return Audio("audio/ogg", "ogg");
  if (StartsAt(content, 0, "fLaC")) return Audio("audio/flac", "flac");
  if (StartsAt(content, 0, "\x1A\x45\xDF\xA3")) return Audio("audio/webm", "webm");
  if (IsMp4Audio(content)) return Audio("audio/mp4", "m4a");
  if (StartsAt(content, 0, "%PDF-")) {
    return EvidenceType{EvidenceKind::kDocument, "application/pdf", "pdf", false};
  }
  if (IsEmail(content)) return EvidenceType{EvidenceKind::kEmail, "message/rfc822", "eml", false};
  return std::nullopt;
}

size_t MaxEvidenceBytes(EvidenceKind kind) {
  return kind == EvidenceKind::kAudio ? kMaxAudioBytes : kMaxOtherEvidenceBytes;
}

std::optional<EvidenceError> RefuseEvidenceOn(const Contact& contact, size_t existing) {
  if (!ShopperMayEdit(contact)) {
    return Refusal(EvidenceRefusal::kNotEditable,
                   Msg("the report is {1}: files can be added only while it can be edited",
                       std::string(ToString(contact.status))));
  }
  if (existing >= kMaxEvidencePerContact) {
    return Refusal(
        EvidenceRefusal::kTooMany,
        Msg("a report can have at most {1} files; remove one first", kMaxEvidencePerContact));
  }
  return std::nullopt;
}

std::optional<EvidenceError> RefuseEvidenceFile(std::string_view name, std::string_view content) {
  if (!IsGoodName(name)) {
    return Refusal(EvidenceRefusal::kBadName,
                   Msg("the file name must be 1 to {1} characters of text, without control "
                       "characters",
                       kMaxEvidenceNameChars));
  }
  if (content.empty()) return Refusal(EvidenceRefusal::kEmpty, Msg("the file is empty"));
  const auto type = SniffEvidence(content);
  if (!type) {
    return Refusal(EvidenceRefusal::kUnknownType,
                   Msg("the file is not a recording (MP3, M4A, WAV, Ogg, WebM, FLAC), a "
                       "picture (PNG, JPEG, GIF, WebP), an e-mail (.eml) or a PDF; its content "
                       "was checked, not its name"));
  }
  if (content.size() > MaxEvidenceBytes(type->kind)) {
    return Refusal(
        EvidenceRefusal::kTooLarge,
        Msg("the file is {1}; a file of this kind may be at most {2}",
            EvidenceSizeText(content.size()), EvidenceSizeText(MaxEvidenceBytes(type->kind))));
  }
  return std::nullopt;
}

std::optional<EvidenceError> RefuseEvidenceUpload(const Contact& contact, size_t existing,
                                                  std::string_view name, std::string_view content) {
  if (auto refused = RefuseEvidenceOn(contact, existing)) return refused;
  return RefuseEvidenceFile(name, content);
}

EvidenceKind KindOfMediaType(std::string_view media_type) {
  if (media_type.starts_with("audio/")) return EvidenceKind::kAudio;
  if (media_type.starts_with("image/")) return EvidenceKind::kImage;
  if (media_type == "message/rfc822") return EvidenceKind::kEmail;
  return EvidenceKind::kDocument;
}

bool ShopperMayRemoveEvidence(const Contact& contact) { return ShopperMayEdit(contact); }

std::string EvidenceSizeText(size_t bytes) {
  char text[32];
  if (bytes < 1000) {
    std::snprintf(text, sizeof text, "%zu B", bytes);
  } else if (bytes < 1000 * 1000) {
    std::snprintf(text, sizeof text, "%.0f kB", static_cast<double>(bytes) / 1e3);
  } else {
    std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / 1e6);
  }
  return text;
}

}  // namespace cx::domain
