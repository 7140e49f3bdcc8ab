#pragma once
// Evidence a shopper attaches to a report: the call recording, screenshots
// of a chat or an e-mail, the e-mail itself (docs/evidence.md). The rules
// here are the one place that says which files are taken, how large, how
// many, and who may add or remove one; they look at the file's content,
// never at its name or at the type a browser claims.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/message.h"
#include "domain/fieldwork.h"

namespace cx::domain {

enum class EvidenceKind { kAudio, kImage, kEmail, kDocument };
std::string_view ToString(EvidenceKind kind);

// A type of file we take: what it is, the media type it is served as, and
// whether a browser shows it in the page (audio and images) or only offers
// it for download (an e-mail, a PDF: never rendered as our page's content).
struct EvidenceType {
  EvidenceKind kind = EvidenceKind::kImage;
  std::string_view media_type;  // "audio/mpeg"
  std::string_view extension;   // "mp3", for the name a download gets
  bool inline_in_page = true;

  bool operator==(const EvidenceType&) const = default;
};

// The type of `content` by its first bytes and structure: WAV, MP3, Ogg
// (Opus, Vorbis), FLAC, M4A/MP4 audio, WebM (what a browser's recorder
// makes); PNG, JPEG, GIF, WebP; an e-mail (RFC 5322 text: header lines
// naming at least From and one of Date, Subject, Received, Message-ID);
// PDF. nullopt for anything else: SVG and HTML (they can carry scripts),
// executables, archives, a renamed text file.
std::optional<EvidenceType> SniffEvidence(std::string_view content);

// Largest file of each kind: a recording of a long call (20 minutes of
// 128 kbit/s MP3 is 19 MB) and a phone's screenshot fit with room to spare.
inline constexpr size_t kMaxAudioBytes = 40'000'000;
inline constexpr size_t kMaxOtherEvidenceBytes = 10'000'000;
size_t MaxEvidenceBytes(EvidenceKind kind);
// The largest upload of any kind (the server's body limit for the route).
inline constexpr size_t kMaxEvidenceUploadBytes = kMaxAudioBytes;
// Files one report may have.
inline constexpr size_t kMaxEvidencePerContact = 20;
// A file's name as the shopper gave it, kept for the reviewer (never used on disk).
inline constexpr size_t kMaxEvidenceNameChars = 200;

// What is refused, and why, said to the shopper.
enum class EvidenceRefusal { kEmpty, kUnknownType, kTooLarge, kTooMany, kNotEditable, kBadName };
struct EvidenceError {
  EvidenceRefusal refusal = EvidenceRefusal::kUnknownType;
  Message message;
};

// The checks of one upload to `contact`, which has `existing` files, in this
// order: the contact's shopper may add while ShopperMayEdit, and there is
// room for one more (RefuseEvidenceOn); the name (1..kMaxEvidenceNameChars
// characters of valid UTF-8, no control characters), the content not empty,
// of a type SniffEvidence knows, within its kind's size
// (RefuseEvidenceFile, which needs no report: a server checks and stores
// the file before it locks the report). nullopt when accepted.
std::optional<EvidenceError> RefuseEvidenceUpload(const Contact& contact, size_t existing,
                                                  std::string_view name, std::string_view content);
std::optional<EvidenceError> RefuseEvidenceOn(const Contact& contact, size_t existing);
std::optional<EvidenceError> RefuseEvidenceFile(std::string_view name, std::string_view content);

// The kind of a stored file by the media type SniffEvidence gave it.
EvidenceKind KindOfMediaType(std::string_view media_type);

// Whether a shopper may remove a file of `contact`: while they may edit it
// (staff may remove one at any time, with a reason).
bool ShopperMayRemoveEvidence(const Contact& contact);

// "1.2 MB", "340 kB", "512 B": a size as the review lists it (SI units).
std::string EvidenceSizeText(size_t bytes);

}  // namespace cx::domain
