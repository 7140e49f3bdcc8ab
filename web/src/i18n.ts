// The interface in Norwegian bokmål, Swedish, Danish and English, as the
// server's accounts and the study files know them. Every language has every
// key (./i18n/keys.ts: a missing one is a type error). Questionnaire labels
// come from the study definition, in the user's language, through the API.
import { da } from "./i18n/da";
import { en } from "./i18n/en";
import type { TextKey, Texts } from "./i18n/keys";
import { nb } from "./i18n/nb";
import { sv } from "./i18n/sv";

export type { TextKey } from "./i18n/keys";
export type Language = "nb" | "sv" | "da" | "en";

const texts: Record<Language, Texts> = { nb, sv, da, en };

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
  return code in texts;
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
export function setLanguage(language: string): void {
  current = languageOf(language) ?? "nb";
  document.documentElement.lang = current;
}
export function language(): Language {
  return current;
}
export function locale(): string {
  return locales[current];
}
export function t(key: TextKey): string {
  return texts[current][key];
}
// "The figures count 20 approved reports + 5 provisional (still in quality
// assurance)": which reports a result counts (docs/scoring.md).
export function countsNote(approved: number, provisional: number): string {
  const base = `${t("countedReports")} ${approved} ${t("approvedReports")}`;
  return provisional > 0 ? `${base} + ${provisional} ${t("provisionalReports")}` : base;
}
export function statusLabel(status: string): string {
  const key = status === "planned" ? "planned_" : status === "submitted" ? "submitted_" : status;
  return key in texts[current] ? t(key as TextKey) : status;
}
export function channelLabel(channel: string): string {
  const key = `channel_${channel}`;
  return key in texts[current] ? t(key as TextKey) : channel;
}
