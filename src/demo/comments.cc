#include "demo/comments.h"

#include <map>
#include <vector>

namespace cx::demo {
namespace {

struct Lines {
  std::vector<std::string> good, middling, poor;
};

const std::map<std::string, Lines>& Templates() {
  static const std::map<std::string, Lines> kTemplates = {
      {"wait",
       {{"Fikk svar nesten med en gang.",
         "Kort ventetid, og jeg fikk vite hvor lenge jeg måtte vente.",
         "Svaret kom raskt, innen kort tid."},
        {"Måtte vente en stund, men det var til å leve med.", "Noe ventetid før jeg fikk svar.",
         "Ventetiden var lengre enn jeg hadde håpet."},
        {"Veldig lang ventetid før noen svarte.", "Ventet lenge uten å få vite noe om køen.",
         "Det tok altfor lang tid å få svar."}}},
      {"reception",
       {{"Ble tatt imot på en hyggelig og imøtekommende måte.",
         "Kundebehandleren presenterte seg og fikk meg til å føle meg velkommen.",
         "Varm og profesjonell velkomst, kom rett til riktig person."},
        {"Grei mottakelse, men litt nøktern.", "Ble tatt imot helt greit, men uten noe ekstra.",
         "Litt usikker start før jeg kom til riktig person."},
        {"Følte meg ikke velkommen; kort og avvisende mottakelse.",
         "Ble satt over flere ganger før jeg fikk snakke med noen som kunne hjelpe.",
         "Ingen presentasjon, og tonen var kjølig."}}},
      {"agent",
       {{"Kundebehandleren stilte gode spørsmål og forsto raskt hva jeg trengte.",
         "Svært kompetent og ga konkrete råd tilpasset min situasjon.",
         "Lyttet godt, forklarte enkelt og tilbød å sende et tilbud."},
        {"Fikk svar på det jeg spurte om, men få spørsmål om behovet mitt.",
         "Kunnskapsrik, men lite interessert i å gjøre meg til kunde.",
         "Greie svar, men ingen avtale om veien videre."},
        {"Virket uinteressert og stilte ingen spørsmål om hva jeg trengte.",
         "Fikk mangelfulle svar og ble ikke spurt om å bli kunde.",
         "Henviste bare til nettsiden uten å hjelpe meg videre."}}},
      {"total",
       {{"En svært god opplevelse. Her ville jeg gjerne blitt kunde.",
         "Alt i alt veldig fornøyd; enkelt å komme frem til en løsning.",
         "Bedre enn forventet, jeg ville anbefalt selskapet."},
        {"En grei opplevelse, verken mer eller mindre.",
         "Som forventet, men ikke noe som skilte seg ut.",
         "Middels helhetsinntrykk; det tok litt tid å komme frem til en løsning."},
        {"Skuffende opplevelse; jeg ville ikke valgt dette selskapet.",
         "Dårligere enn forventet, og vanskelig å få hjelp.",
         "Et svakt totalinntrykk; ingen løsning på det jeg spurte om."}}},
  };
  return kTemplates;
}

}  // namespace

std::string CommentFor(const std::string& area, double share, Rng& rng) {
  auto it = Templates().find(area);
  if (it == Templates().end()) return "";
  const auto& lines = share >= 0.75  ? it->second.good
                      : share >= 0.5 ? it->second.middling
                                     : it->second.poor;
  return rng.Pick(lines);
}

}  // namespace cx::demo
