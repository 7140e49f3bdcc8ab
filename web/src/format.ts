// Numbers and times as the interface shows them, in the user's locale
// (Intl: a decimal comma in nb, sv and da, a point in en), "–" for none.
import { locale } from "./i18n";

// Intl's formatters are costly to make and a list formats hundreds of rows.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function numberFormat(digits: number, max = digits): Intl.NumberFormat {
  const key = `n ${locale()} ${digits} ${max}`;
  let format = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(locale(), { minimumFractionDigits: digits, maximumFractionDigits: max });
    formatters.set(key, format);
  }
  return format;
}
function dateFormat(name: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d ${locale()} ${name}`;
  let format = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(locale(), options);
    formatters.set(key, format);
  }
  return format;
}

export function fixed(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined ? "–" : numberFormat(digits).format(value);
}

// A local time of the study ("2026-03-02T09:30", no zone) as a Date whose UTC
// fields are those: formatted in UTC, it is shown as written, wherever the reader is.
function studyTime(value: string): Date | null {
  const match = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  return new Date(Date.UTC(year, month - 1, day, hour, minute));
}

// "2026-03-02T09:30" as the day and time it names: "man. 2. mars 09:30" in
// nb, "Mon 2 Mar, 09:30" in en (the weekday plans a shopper's day).
export function localTime(value: string): string {
  const date = studyTime(value);
  if (!date) return value;
  return dateFormat("local", {
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "UTC",
  }).format(date);
}

// Only the time of day of a study's local time: "16:00" ("16.00" in da).
export function localClock(value: string): string {
  const date = studyTime(value);
  if (!date) return value;
  return dateFormat("clock", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" }).format(date);
}

// A number in shortest form: 7, 3,5 (never 3,5000001), to three decimals.
export function shortNumber(value: number): string {
  return numberFormat(0, 3).format(value);
}

// Seconds as a wait or a duration is read: "m:ss", "h:mm:ss" from an hour on.
export function minutesSeconds(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return "–";
  const whole = Math.round(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

// "m:ss", "h:mm:ss" or plain seconds back to seconds; null when it is none of those.
export function parseMinutesSeconds(text: string): number | null {
  const parts = text.trim().split(":");
  if (parts.length > 3 || parts.some((part) => !/^\d+$/.test(part))) return null;
  const numbers = parts.map(Number);
  if (numbers.slice(1).some((n) => n > 59)) return null;
  return numbers.reduce((total, n) => total * 60 + n, 0);
}

// A UTC instant ("2026-03-02T08:30:05Z") in the reader's time, to the minute:
// "02.03.2026, 09:30" in nb, "2026-03-02 09:30" in sv.
export function instant(value: string | null | undefined): string {
  if (!value) return "–";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return dateFormat("instant", { dateStyle: "short", timeStyle: "short" }).format(date);
}
