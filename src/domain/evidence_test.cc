// Which files are taken as evidence: by their bytes (the signatures are
// those of each format's specification: RFC 2083 for PNG, ISO 11172-3 for
// MPEG audio frames, the RIFF, Ogg, FLAC, EBML and ISO-BMFF headers, RFC
// 5322 for e-mail), never by name.
#include "domain/evidence.h"

#include <gtest/gtest.h>

namespace cx::domain {
namespace {

std::string Bytes(std::initializer_list<int> values, std::string tail = "rest of the file") {
  std::string out;
  for (int value : values) out += static_cast<char>(value);
  return out + tail;
}

std::string_view MediaTypeOf(const std::string& content) {
  const auto type = SniffEvidence(content);
  return type ? type->media_type : "refused";
}

TEST(SniffEvidence, KnowsEachRecordingFormatByItsHeader) {
  EXPECT_EQ(MediaTypeOf(std::string("RIFF\x24\x08\0\0WAVEfmt ", 16)), "audio/wav");
  EXPECT_EQ(MediaTypeOf("ID3\x04\0\0\0\0\0\0"), "audio/mpeg");
  // MPEG-1 layer III, 128 kbit/s, 44.1 kHz: FF FB 90 64.
  EXPECT_EQ(MediaTypeOf(Bytes({0xFF, 0xFB, 0x90, 0x64})), "audio/mpeg");
  EXPECT_EQ(MediaTypeOf("OggS\0\x02"), "audio/ogg");
  EXPECT_EQ(MediaTypeOf("fLaC\0\0\0\x22"), "audio/flac");
  EXPECT_EQ(MediaTypeOf(Bytes({0x1A, 0x45, 0xDF, 0xA3})), "audio/webm");
  EXPECT_EQ(MediaTypeOf(std::string("\0\0\0\x20"
                                    "ftypM4A \0\0\0\0",
                                    16)),
            "audio/mp4");
  EXPECT_EQ(SniffEvidence("OggS")->kind, EvidenceKind::kAudio);
}

TEST(SniffEvidence, KnowsPicturesPdfAndEmail) {
  EXPECT_EQ(MediaTypeOf(std::string("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16)), "image/png");
  EXPECT_EQ(MediaTypeOf(Bytes({0xFF, 0xD8, 0xFF, 0xE0})), "image/jpeg");
  EXPECT_EQ(MediaTypeOf("GIF89a\x01\0"), "image/gif");
  EXPECT_EQ(MediaTypeOf(std::string("RIFF\x1a\0\0\0WEBPVP8 ", 16)), "image/webp");
  EXPECT_EQ(MediaTypeOf("%PDF-1.7\n"), "application/pdf");
  const std::string email =
      "Return-Path: <kundeservice@example.no>\r\nFrom: Kundeservice <kundeservice@example.no>\r\n"
      "Subject: =?utf-8?q?Svar_p=C3=A5_henvendelse?=\r\n\tcontinued\r\nDate: Tue, 24 Nov 2026 "
      "10:02:00 +0100\r\n\r\nHei!\r\n";
  EXPECT_EQ(MediaTypeOf(email), "message/rfc822");
  EXPECT_FALSE(SniffEvidence(email)->inline_in_page);
  EXPECT_EQ(MediaTypeOf("From kundeservice@example.no Tue Nov 24 10:02:00 2026\nFrom: a@b.no\n"
                        "Message-ID: <1@b.no>\n\nbody"),
            "message/rfc822");
}

TEST(SniffEvidence, RefusesWhatCouldRunOrIsNotEvidence) {
  EXPECT_EQ(MediaTypeOf("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script>"),
            "refused");
  EXPECT_EQ(MediaTypeOf("<!DOCTYPE html><html>"), "refused");
  EXPECT_EQ(MediaTypeOf("\x7f"
                        "ELF\x02\x01"),
            "refused");
  EXPECT_EQ(MediaTypeOf("PK\x03\x04"), "refused");  // a zip (or .docx)
  EXPECT_EQ(MediaTypeOf("just a text file renamed to call.mp3"), "refused");
  EXPECT_EQ(MediaTypeOf(""), "refused");
  // A header with From alone, or one broken by a line that is not a field.
  EXPECT_EQ(MediaTypeOf("From: a@b.no\n\nbody"), "refused");
  EXPECT_EQ(MediaTypeOf("From: a@b.no\nthis is no header\nDate: x\n\n"), "refused");
  EXPECT_EQ(MediaTypeOf(std::string("From: a@b.no\nDate: x\0\n\n", 22)), "refused");
  // Look-alikes: RIFF of another kind, an MP4 video brand we do not take,
  // MPEG sync bits with the reserved layer (AAC's ADTS), a PNG without IHDR.
  EXPECT_EQ(MediaTypeOf(std::string("RIFF\0\0\0\0AVI LIST", 16)), "refused");
  EXPECT_EQ(MediaTypeOf(std::string("\0\0\0\x20"
                                    "ftypqt  \0\0\0\0",
                                    16)),
            "refused");
  EXPECT_EQ(MediaTypeOf(Bytes({0xFF, 0xF1, 0x50, 0x80})), "refused");
  EXPECT_EQ(MediaTypeOf(std::string("\x89PNG\r\n\x1a\n\0\0\0\x0dIDAT", 16)), "refused");
}

Contact WithStatus(ContactStatus status) {
  Contact contact;
  contact.id = "C-0001";
  contact.status = status;
  return contact;
}

const std::string kPng("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16);

std::optional<EvidenceRefusal> RefusalOf(const Contact& contact, size_t existing,
                                         std::string_view name, std::string_view content) {
  const auto error = RefuseEvidenceUpload(contact, existing, name, content);
  if (!error) return std::nullopt;
  return error->refusal;
}

TEST(RefuseEvidenceUpload, TakesAFileWhileTheShopperMayEditTheReport) {
  for (ContactStatus status :
       {ContactStatus::kPlanned, ContactStatus::kStarted, ContactStatus::kReturned}) {
    EXPECT_EQ(RefusalOf(WithStatus(status), 0, "chat.png", kPng), std::nullopt);
  }
  for (ContactStatus status :
       {ContactStatus::kSubmitted, ContactStatus::kApproved, ContactStatus::kFailed}) {
    EXPECT_EQ(RefusalOf(WithStatus(status), 0, "chat.png", kPng), EvidenceRefusal::kNotEditable);
    EXPECT_FALSE(ShopperMayRemoveEvidence(WithStatus(status)));
  }
}

TEST(RefuseEvidenceUpload, SaysWhatIsWrongWithTheFile) {
  const Contact started = WithStatus(ContactStatus::kStarted);
  EXPECT_EQ(RefusalOf(started, 0, "notes.txt", "hello"), EvidenceRefusal::kUnknownType);
  EXPECT_EQ(RefusalOf(started, 0, "empty.png", ""), EvidenceRefusal::kEmpty);
  EXPECT_EQ(RefusalOf(started, 0, "", kPng), EvidenceRefusal::kBadName);
  EXPECT_EQ(RefusalOf(started, 0, "bad\nname.png", kPng), EvidenceRefusal::kBadName);
  EXPECT_EQ(RefusalOf(started, 0, "\xC3\x28.png", kPng), EvidenceRefusal::kBadName);
  EXPECT_EQ(RefusalOf(started, 0, std::string(201, 'a'), kPng), EvidenceRefusal::kBadName);
  EXPECT_EQ(RefusalOf(started, 0, "Skjermbilde – chat.png", kPng), std::nullopt);
  EXPECT_EQ(RefusalOf(started, kMaxEvidencePerContact, "one-more.png", kPng),
            EvidenceRefusal::kTooMany);
  // An image over 10 MB is refused; a recording of that size is taken.
  std::string big_png = kPng + std::string(12'000'000 - kPng.size(), 'x');
  EXPECT_EQ(RefusalOf(started, 0, "big.png", big_png), EvidenceRefusal::kTooLarge);
  std::string long_call = "OggS" + std::string(kMaxOtherEvidenceBytes, 'x');
  EXPECT_EQ(RefusalOf(started, 0, "call.ogg", long_call), std::nullopt);
  const auto message = RefuseEvidenceUpload(started, 0, "big.png", big_png)->message;
  EXPECT_EQ(message.English(), "the file is 12.0 MB; a file of this kind may be at most 10.0 MB");
}

TEST(KindOfMediaType, FollowsTheSniffedType) {
  EXPECT_EQ(KindOfMediaType("audio/mpeg"), EvidenceKind::kAudio);
  EXPECT_EQ(KindOfMediaType("image/png"), EvidenceKind::kImage);
  EXPECT_EQ(KindOfMediaType("message/rfc822"), EvidenceKind::kEmail);
  EXPECT_EQ(KindOfMediaType("application/pdf"), EvidenceKind::kDocument);
}

TEST(EvidenceSizeText, UsesSiUnits) {
  EXPECT_EQ(EvidenceSizeText(512), "512 B");
  EXPECT_EQ(EvidenceSizeText(340'000), "340 kB");
  EXPECT_EQ(EvidenceSizeText(1'234'567), "1.2 MB");
}

}  // namespace
}  // namespace cx::domain
