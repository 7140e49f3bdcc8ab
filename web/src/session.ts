// Who is logged in, and the study they work on. The only module that keeps
// the account; views read it through `account()`.
import { setCsrf } from "./api/client";
import * as api from "./api/endpoints";
import type { Account, Role } from "./api/types";
import { setLanguage, type Language } from "./i18n";
import { setAccount } from "./offline/outbox";
import { forgetCachedData } from "./offline/register";

let me: Account | null = null;
let studyName = "";

export function account(): Account | null {
  return me;
}

export function study(): string {
  return studyName;
}

export function isStaff(role: Role | undefined = me?.role): boolean {
  return role === "admin" || role === "manager";
}

// Asks the server who the caller is; false when nobody is logged in.
export async function restore(): Promise<boolean> {
  try {
    const reply = await api.getMe();
    me = reply.account;
    studyName = reply.study.name;
    setCsrf(reply.csrf_token);
    await setLanguage(me.language);
    // The outbox sends this account's changes from now on.
    setAccount(me.email);
    return true;
  } catch {
    forget();
    return false;
  }
}

export async function logIn(email: string, password: string): Promise<void> {
  await api.logIn(email, password);
  await restore();
}

export async function logOut(): Promise<void> {
  await api.logOut();
  forget();
  await forgetCachedData();
}

// After a 401 or a logout: the next route asks again.
export function forget(): void {
  me = null;
  setCsrf("");
  setAccount("");
}

export async function chooseLanguage(language: Language): Promise<void> {
  await api.setLanguage(language);
  await setLanguage(language);
  if (me) me.language = language;
}
