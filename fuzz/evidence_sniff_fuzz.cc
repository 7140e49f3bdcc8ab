// The content check of an evidence upload (domain/evidence.h): the bytes a
// shopper's phone sends, as POST /assignments/{id}/evidence reads them.
// Properties: no crash; a type is one of those docs/evidence.md lists, its
// kind agrees with its media type, and its verdict is the same for the same
// bytes; RefuseEvidenceFile accepts exactly the files SniffEvidence knows
// that are within their kind's size, and says why when it refuses.
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>

#include "domain/evidence.h"
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view content(reinterpret_cast<const char*>(data), size);
  static const std::set<std::string_view> kTypes = {
      "audio/wav", "audio/mpeg", "audio/ogg", "audio/flac", "audio/webm",      "audio/mp4",
      "image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "message/rfc822"};
  const auto type = cx::domain::SniffEvidence(content);
  if (type != cx::domain::SniffEvidence(content)) cx::fuzz::Fail("two verdicts on the same bytes");
  if (type) {
    if (!kTypes.count(type->media_type))
      cx::fuzz::Fail("a media type docs/evidence.md does not list");
    if (cx::domain::KindOfMediaType(type->media_type) != type->kind) {
      cx::fuzz::Fail("the kind disagrees with the media type");
    }
  }
  const auto refused = cx::domain::RefuseEvidenceFile("opptak.mp3", content);
  const bool takes = type && size > 0 && size <= cx::domain::MaxEvidenceBytes(type->kind);
  if (takes == refused.has_value()) cx::fuzz::Fail("the upload check disagrees with the sniffer");
  if (refused && refused->message.English().empty()) cx::fuzz::Fail("a refusal without a reason");
  return 0;
}
