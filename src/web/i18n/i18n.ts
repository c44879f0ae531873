/**
 * i18next set up for the web app: Indonesian by default, English on request. The choice is kept
 * in localStorage under a named, versioned key, and mirrored to `<html lang>` so that screen
 * readers and the browser's own spelling and hyphenation follow it.
 */
import i18next from "i18next";
import { initReactI18next, useTranslation } from "react-i18next";
import { LANGUAGES, type Language } from "../../core/errors/language.ts";
import { en } from "./en.ts";
import { id, type Resources } from "./id.ts";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: Resources };
  }
}

/** localStorage key of the chosen language; bump the version if the stored value ever changes shape. */
export const LANGUAGE_STORAGE_KEY = "peduli.v1.language";

/** `value` when it names a supported language, otherwise Indonesian. */
export function toLanguage(value: string | null | undefined): Language {
  return (LANGUAGES as readonly string[]).includes(value ?? "") ? (value as Language) : "id";
}

function storedLanguage(): Language {
  try {
    return toLanguage(localStorage.getItem(LANGUAGE_STORAGE_KEY));
  } catch {
    // Storage can be unavailable (private mode, disabled cookies): fall back to the default.
    return "id";
  }
}

/** Initialises i18next once, before the first render. */
export function initI18n(): typeof i18next {
  const language = storedLanguage();
  void i18next.use(initReactI18next).init({
    resources: { id: { translation: id }, en: { translation: en } },
    lng: language,
    fallbackLng: "id",
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false }, // React escapes already
    initAsync: false,
    returnNull: false,
  });
  document.documentElement.lang = language;
  i18next.on("languageChanged", (lng) => {
    document.documentElement.lang = lng;
  });
  return i18next;
}

/** Switches the interface language and remembers the choice on this device. */
export async function changeLanguage(language: Language): Promise<void> {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not remembered, but the switch still applies to this visit.
  }
  await i18next.changeLanguage(language);
}

/** The current interface language. */
export function currentLanguage(): Language {
  return toLanguage(i18next.resolvedLanguage ?? i18next.language);
}

/** `t` together with the current language, for components that also format numbers. */
export function useLanguage() {
  const { t, i18n } = useTranslation();
  return { t, language: toLanguage(i18n.resolvedLanguage ?? i18n.language) };
}
