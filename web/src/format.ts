// Numbers and times as the interface shows them: a decimal comma, "–" for none.
export function fixed(value: number | null | undefined, digits = 1): string {
  return value === null || value === undefined ? "–" : value.toFixed(digits).replace(".", ",");
}

// "2026-03-02T09:30" as "2026-03-02 09:30".
export function localTime(value: string): string {
  return value.replace("T", " ");
}
