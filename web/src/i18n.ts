// The interface in Norwegian bokmål, Swedish, Danish and English, as the
// server's accounts and the study files know them. Every language has every
// key (./i18n/keys.ts: a missing one is a type error). Bokmål is in the app
// itself; the others are chunks of their own, fetched when chosen, so that
// nobody downloads four languages to read one (about 4 kB each). Questionnaire
// labels come from the study definition, in the user's language, through the API.
import type { TextKey, Texts } from "./i18n/keys";
import { nb } from "./i18n/nb";

export type { TextKey } from "./i18n/keys";
export type Language = "nb" | "sv" | "da" | "en";

const loaders: Record<Exclude<Language, "nb">, () => Promise<Texts>> = {
  sv: () => import("./i18n/sv").then((m) => m.sv),
  da: () => import("./i18n/da").then((m) => m.da),
  en: () => import("./i18n/en").then((m) => m.en),
};
const texts: Partial<Record<Language, Texts>> = { nb };

// The choices of the language menu, each named in its own language.
export const languages: { code: Language; name: string }[] = [
  { code: "nb", name: "Norsk bokmål" },
  { code: "sv", name: "Svenska" },
  { code: "da", name: "Dansk" },
  { code: "en", name: "English" },
];

// The locale Intl formats numbers and dates in: the country of the study's
// languages, British English (a 24-hour clock, day before month).
const locales: Record<Language, string> = { nb: "nb-NO", sv: "sv-SE", da: "da-DK", en: "en-GB" };

let current: Language = "nb";

function isLanguage(code: string): code is Language {
  return languages.some((l) => l.code === code);
}

// One of ours for a BCP 47 tag ("sv-SE", "da", "no", "nn-NO"), or undefined.
export function languageOf(tag: string): Language | undefined {
  const primary = tag.toLowerCase().split("-")[0];
  if (primary === "no" || primary === "nn") return "nb";
  return isLanguage(primary) ? primary : undefined;
}

// The browser's first language we speak, bokmål when none: the language of
// the login page and of an account made from an invitation.
export function browserLanguage(preferred: readonly string[] = navigator.languages ?? [navigator.language]): Language {
  for (const tag of preferred) {
    const ours = languageOf(tag);
    if (ours) return ours;
  }
  return "nb";
}

// An account's language; one we do not speak (an old account) is bokmål.
// Its texts are fetched first; when they cannot be (offline before they were
// ever cached), the interface stays in the language it has.
export async function setLanguage(language: string): Promise<void> {
  const wanted = languageOf(language) ?? "nb";
  if (!texts[wanted] && wanted !== "nb") {
    try {
      texts[wanted] = await loaders[wanted]();
    } catch {
      return;
    }
  }
  current = wanted;
  document.documentElement.lang = current;
}
export function language(): Language {
  return current;
}
export function locale(): string {
  return locales[current];
}
export function t(key: TextKey): string {
  return (texts[current] ?? nb)[key];
}
// "The figures count 20 approved reports + 5 provisional (still in quality
// assurance)": which reports a result counts (docs/scoring.md).
// A whole sentence of the dictionary with its {name} places filled: the
// words around a figure stay in one translatable text, in each language's order.
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (place, name: string) => (name in values ? String(values[name]) : place));
}
export function countsNote(approved: number, provisional: number): string {
  const base = `${t("countedReports")} ${approved} ${t("approvedReports")}`;
  return provisional > 0 ? `${base} + ${provisional} ${t("provisionalReports")}` : base;
}
export function statusLabel(status: string): string {
  const key = status === "planned" ? "planned_" : status === "submitted" ? "submitted_" : status;
  return key in nb ? t(key as TextKey) : status;
}
export function channelLabel(channel: string): string {
  const key = `channel_${channel}`;
  return key in nb ? t(key as TextKey) : channel;
}
