// The interface in Norwegian bokmål and English. Questionnaire labels come
// from the study definition, in the user's language, through the API.
export type Language = "nb" | "en";

const texts = {
  nb: {
    login: "Logg inn", logout: "Logg ut", email: "E-post", password: "Passord",
    wrongLogin: "Feil e-post eller passord", assignments: "Mine oppdrag", noAssignments: "Ingen oppdrag",
    company: "Selskap", channel: "Kanal", scenario: "Rollespill", when: "Når", status: "Status",
    start: "Start kontakten nå", answered: "De svarte nå", person: "Et menneske svarte",
    chatbot: "En chatbot svarte", notAnswered: "Ingen svar", submit: "Send inn", saved: "Lagret",
    saving: "Lagrer …", notApplicable: "Ikke aktuelt", yes: "Ja", no: "Nei", comment: "Kommentar",
    submitted: "Sendt inn – takk!", back: "Tilbake", required: "Må besvares", wait: "Ventetid",
    qa: "Kvalitetskontroll", approve: "Godkjenn", returnToShopper: "Send tilbake",
    message: "Melding til kunden", reason: "Begrunnelse", correct: "Rett svar", progress: "Fremdrift",
    planned: "Planlagt", done: "Utført", results: "Resultater", score: "Totalresultat",
    rank: "Plass", industryMean: "Bransjesnitt", industryBest: "Bransjens beste", areas: "Områder",
    channels: "Kanaler", downloadReport: "Last ned rapport (PDF)", downloadHtml: "Rapport (HTML)",
    bestInTest: "Best i test", dashboard: "Oversikt", qaBacklog: "Til kontroll", audit: "Endringslogg",
    language: "Språk", returnedMessage: "Sendt tilbake", users: "Brukere", invite: "Inviter",
    acceptInvite: "Opprett konto", name: "Navn", forbidden: "Ingen tilgang", answeredAfter: "Svar etter",
    planned_: "planlagt", started: "påbegynt", submitted_: "sendt inn", approved: "godkjent",
    returned: "sendt tilbake", failed: "mislyktes", shopperWorkload: "Arbeidsmengde per kunde",
    scoresByIndustry: "Resultater per bransje", week: "Uke", ranking: "Kåring", notClear: "ikke sikker vinner", furthestBehind: "Lengst bak i feltarbeidet", noneRanked: "Ingen har nok godkjente kontakter til å bli rangert ennå",
  },
  en: {
    login: "Log in", logout: "Log out", email: "E-mail", password: "Password",
    wrongLogin: "Wrong e-mail or password", assignments: "My assignments", noAssignments: "No assignments",
    company: "Company", channel: "Channel", scenario: "Role play", when: "When", status: "Status",
    start: "Start the contact now", answered: "They answered now", person: "A person answered",
    chatbot: "A chatbot answered", notAnswered: "No answer", submit: "Submit", saved: "Saved",
    saving: "Saving …", notApplicable: "Not applicable", yes: "Yes", no: "No", comment: "Comment",
    submitted: "Submitted – thank you!", back: "Back", required: "Required", wait: "Wait",
    qa: "Quality assurance", approve: "Approve", returnToShopper: "Return to shopper",
    message: "Message to the shopper", reason: "Reason", correct: "Correct answer", progress: "Progress",
    planned: "Planned", done: "Done", results: "Results", score: "Total result",
    rank: "Rank", industryMean: "Industry mean", industryBest: "Industry best", areas: "Areas",
    channels: "Channels", downloadReport: "Download report (PDF)", downloadHtml: "Report (HTML)",
    bestInTest: "Best in test", dashboard: "Dashboard", qaBacklog: "QA backlog", audit: "Audit trail",
    language: "Language", returnedMessage: "Returned", users: "Users", invite: "Invite",
    acceptInvite: "Create account", name: "Name", forbidden: "Forbidden", answeredAfter: "Answered after",
    planned_: "planned", started: "started", submitted_: "submitted", approved: "approved",
    returned: "returned", failed: "failed", shopperWorkload: "Shopper workload",
    scoresByIndustry: "Scores by industry", week: "Week", ranking: "Ranking", notClear: "lead not clear", furthestBehind: "Furthest behind in fieldwork", noneRanked: "Nobody has enough approved contacts to be ranked yet",
  },
} as const;

export type TextKey = keyof (typeof texts)["nb"];
let current: Language = "nb";

export function setLanguage(language: string): void {
  current = language === "en" ? "en" : "nb";
  document.documentElement.lang = current;
}
export function language(): Language {
  return current;
}
export function t(key: TextKey): string {
  return texts[current][key];
}
export function statusLabel(status: string): string {
  const key = (status === "planned" ? "planned_" : status === "submitted" ? "submitted_" : status) as TextKey;
  return key in texts[current] ? t(key) : status;
}
export function channelLabel(channel: string): string {
  const nb: Record<string, string> = { phone: "Telefon", email_form: "E-post/skjema", chat: "Chat", messenger: "Messenger" };
  const en: Record<string, string> = { phone: "Phone", email_form: "E-mail/form", chat: "Chat", messenger: "Messenger" };
  return (current === "en" ? en : nb)[channel] ?? channel;
}
