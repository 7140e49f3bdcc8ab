#pragma once
// Saying messages (core/message.h) in the interface's languages: nb, sv, da
// and en. The translations are GNU gettext catalogues, src/i18n/po/LANG.po,
// compiled by msgfmt into LOCALE_DIR/LANG/LC_MESSAGES/cxbench.mo at build
// time and read with Boost.Locale; English is the templates themselves.

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/message.h"

namespace cx::i18n {

// The languages of the interface, English last (the templates' own).
inline const std::vector<std::string>& InterfaceLanguages() {
  static const std::vector<std::string> kLanguages = {"nb", "sv", "da", "en"};
  return kLanguages;
}
bool IsInterfaceLanguage(std::string_view language);

// The interface language an HTTP Accept-Language header asks for most
// (RFC 9110 weights; CLDR matching through ICU, so "no", "nn" and "nb-NO"
// get nb and "en-GB" gets en); "" when it names none of them or is malformed.
std::string LanguageFromAcceptLanguage(std::string_view header);

// Where the build puts the compiled catalogues (CXBENCH_LOCALE_DIR).
std::string DefaultCatalogueDir();

class Translator {
 public:
  // Reads the catalogues of nb, sv and da below `dir`; `missing` lists those
  // it could not find (their messages are then said in English).
  static Translator Load(const std::string& dir);
  Translator();
  ~Translator();
  Translator(Translator&&) noexcept;
  Translator& operator=(Translator&&) noexcept;

  // `message` in `language` (an interface language; anything else: English).
  std::string Say(const Message& message, std::string_view language) const;
  const std::vector<std::string>& missing() const { return missing_; }

 private:
  struct Catalogues;
  std::unique_ptr<Catalogues> catalogues_;
  std::vector<std::string> missing_;
};

}  // namespace cx::i18n
