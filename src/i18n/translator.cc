#include "i18n/translator.h"

#include <unicode/localematcher.h>

#include <algorithm>
#include <boost/locale/generator.hpp>
#include <boost/locale/message.hpp>
#include <filesystem>
#include <locale>

namespace cx::i18n {
namespace {

// The locale Boost.Locale's gettext reader is asked for, per language.
const std::map<std::string, std::string, std::less<>>& LocaleNames() {
  static const std::map<std::string, std::string, std::less<>> kNames = {
      {"nb", "nb_NO.UTF-8"}, {"sv", "sv_SE.UTF-8"}, {"da", "da_DK.UTF-8"}};
  return kNames;
}

// A header longer than this is no browser's: it is not read.
constexpr size_t kMaxAcceptLanguage = 1000;

}  // namespace

bool IsInterfaceLanguage(std::string_view language) {
  const auto& languages = InterfaceLanguages();
  return std::find(languages.begin(), languages.end(), language) != languages.end();
}

std::string LanguageFromAcceptLanguage(std::string_view header) {
  if (header.empty() || header.size() > kMaxAcceptLanguage) return "";
  UErrorCode status = U_ZERO_ERROR;
  // Immutable once built, so one serves every thread.
  static const icu::LocaleMatcher* const kMatcher = [] {
    UErrorCode built = U_ZERO_ERROR;
    std::string supported;  // "nb, sv, da, en": the one list, InterfaceLanguages
    for (const std::string& language : InterfaceLanguages()) {
      supported += (supported.empty() ? "" : ", ") + language;
    }
    auto* matcher = new icu::LocaleMatcher(icu::LocaleMatcher::Builder()
                                               .setSupportedLocalesFromListString(supported)
                                               .setNoDefaultLocale()
                                               .build(built));
    return U_SUCCESS(built) ? matcher : nullptr;
  }();
  if (kMatcher == nullptr) return "";
  const icu::Locale* best = kMatcher->getBestMatchForListString(
      icu::StringPiece(header.data(), static_cast<int32_t>(header.size())), status);
  if (U_FAILURE(status) || best == nullptr) return "";
  return best->getLanguage();
}

std::string DefaultCatalogueDir() { return CXBENCH_LOCALE_DIR; }

struct Translator::Catalogues {
  std::map<std::string, std::locale, std::less<>> by_language;
};

Translator::Translator() : catalogues_(std::make_unique<Catalogues>()) {}
Translator::~Translator() = default;
Translator::Translator(Translator&&) noexcept = default;
Translator& Translator::operator=(Translator&&) noexcept = default;

Translator Translator::Load(const std::string& dir) {
  Translator translator;
  boost::locale::generator generator;
  generator.add_messages_path(dir);
  generator.add_messages_domain("cxbench");
  for (const auto& [language, locale_name] : LocaleNames()) {
    const auto file = std::filesystem::path(dir) / language / "LC_MESSAGES" / "cxbench.mo";
    std::error_code error;
    if (!std::filesystem::is_regular_file(file, error)) {
      translator.missing_.push_back(language);
      continue;
    }
    translator.catalogues_->by_language.emplace(language, generator(locale_name));
  }
  return translator;
}

std::string Translator::Say(const Message& message, std::string_view language) const {
  const auto found = catalogues_->by_language.find(language);
  if (found == catalogues_->by_language.end()) return message.English();
  const std::locale& locale = found->second;
  return message.Say(
      [&](const std::string& text) { return boost::locale::translate(text).str(locale); });
}

}  // namespace cx::i18n
