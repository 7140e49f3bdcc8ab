// Numbers and times as the interface shows them: a decimal comma, "–" for none.
export function fixed(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined ? "–" : value.toFixed(digits).replace(".", ",");
}

// "2026-03-02T09:30" as "2026-03-02 09:30".
export function localTime(value: string): string {
  return value.replace("T", " ");
}

// A number in shortest form with a decimal comma: 7, 3,5 (never 3.5000001).
export function shortNumber(value: number): string {
  return String(Math.round(value * 1000) / 1000).replace(".", ",");
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

// A UTC instant ("2026-03-02T08:30:05Z") in the reader's time, to the minute.
export function instant(value: string | null | undefined): string {
  if (!value) return "–";
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const two = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}
