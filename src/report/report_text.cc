#include "report/report_text.h"

#include <map>

namespace cx::report {

const std::string& T(const std::string& language, const std::string& key) {
  static const std::map<std::string, std::pair<std::string, std::string>> kTexts = {
      {"report", {"Innsiktsrapport", "Insight report"}},
      {"total", {"Totalresultat", "Total result"}},
      {"answered_only", {"Score for besvarte henvendelser", "Score over answered contacts"}},
      {"agent_score", {"Kundebehandlerscore", "Agent score"}},
      {"rank", {"Plassering i bransjen", "Rank in the industry"}},
      {"rank_of", {"av", "of"}},
      {"rank_interval", {"sannsynlig plassering", "likely rank"}},
      {"not_ranked",
       {"Ikke rangert (for få gjennomførte henvendelser)",
        "Not ranked (too few completed contacts)"}},
      {"interval", {"95 % konfidensintervall", "95 % confidence interval"}},
      {"industry_mean", {"Bransjesnitt", "Industry mean"}},
      {"industry_best", {"Bransjens beste", "Industry best"}},
      {"best_in_test", {"Best i test", "Best in test"}},
      {"contacts", {"henvendelser", "contacts"}},
      {"answered", {"besvart", "answered"}},
      {"approved", {"godkjent", "approved"}},
      {"provisional",
       {"foreløpige: ennå i kvalitetskontroll", "provisional: still in quality assurance"}},
      {"areas", {"Prestasjonsområder", "Performance areas"}},
      {"own", {"Egen score", "Own score"}},
      {"channels", {"Kanaler", "Channels"}},
      {"chat_person_bot", {"Chat: menneske og chatbot", "Chat: person and chatbot"}},
      {"person", {"Besvart av menneske", "Answered by a person"}},
      {"chatbot", {"Besvart av chatbot", "Answered by a chatbot"}},
      {"questions", {"Spørsmål for spørsmål", "Question by question"}},
      {"question", {"Spørsmål", "Question"}},
      {"industry", {"Bransjen", "Industry"}},
      {"difference", {"Differanse", "Difference"}},
      {"significant_note",
       {"* Forskjellen er større enn usikkerheten (95 %).",
        "* The difference is larger than its uncertainty (95 %)."}},
      {"variation", {"Variasjon mellom henvendelsene", "Variation between contacts"}},
      {"variation_note",
       {"De beste leverer høy score hver gang. Hver prikk er én henvendelse; boksen viser de "
        "midterste 50 %.",
        "The best score high every time. Each dot is one contact; the box shows the middle 50 %."}},
      {"sd", {"Standardavvik", "Standard deviation"}},
      {"share_90", {"Andel henvendelser med 90 eller mer", "Share of contacts at 90 or more"}},
      {"wait", {"Svar- og ventetid", "Answer and wait time"}},
      {"median", {"Median", "Median"}},
      {"p90", {"90. persentil", "90th percentile"}},
      {"channel", {"Kanal", "Channel"}},
      {"cx", {"Kundeopplevelse (CX)", "Customer experience (CX)"}},
      {"cx_note",
       {"CES, CSAT og NPS teller ikke i scoren. Intervallene er 95 %.",
        "CES, CSAT and NPS do not count in the score. Intervals are 95 %."}},
      {"ces_easy", {"CES: andel enkelt (5-7)", "CES: share easy (5-7)"}},
      {"ces_mean", {"CES: snitt (1-7)", "CES: mean (1-7)"}},
      {"csat", {"CSAT: andel fornøyd (4-5)", "CSAT: share satisfied (4-5)"}},
      {"nps", {"NPS (-100 til +100)", "NPS (-100 to +100)"}},
      {"references", {"Tre referansespørsmål", "Three reference questions"}},
      {"yes_share", {"Andel ja", "Share yes"}},
      {"audit", {"Kanalrevisjon", "Channel audit"}},
      {"offered", {"Tilbys", "Offered"}},
      {"ease", {"Enkelt å finne", "Easy to find"}},
      {"yes", {"Ja", "Yes"}},
      {"no", {"Nei", "No"}},
      {"comments", {"Kommentarer fra kundene", "Comments from the customers"}},
      {"no_comments", {"Ingen kommentarer.", "No comments."}},
      {"priorities", {"Forbedringsprioriteringer", "Improvement priorities"}},
      {"priorities_note",
       {"Punktene der avstanden til bransjens beste er størst, vektet etter hvor sterkt de henger "
        "sammen med "
        "totalinntrykket.",
        "The items where the gap to the industry's best is largest, weighted by how strongly each "
        "relates to the "
        "total impression."}},
      {"gap", {"Avstand til beste", "Gap to best"}},
      {"weight", {"Sammenheng med totalinntrykk", "Relation to total impression"}},
      {"priority", {"Prioritet", "Priority"}},
      {"none", {"–", "–"}},
  };
  static const std::string kMissing = "?";
  auto it = kTexts.find(key);
  if (it == kTexts.end()) return kMissing;
  return language == "en" ? it->second.second : it->second.first;
}

}  // namespace cx::report
