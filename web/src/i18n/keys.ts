// The keys every language has: those of bokmål. A dictionary typed `Texts`
// misses none (a missing key is an error) and adds none (an excess property).
import type { nb } from "./nb";

export type TextKey = keyof typeof nb;
export type Texts = Record<TextKey, string>;
