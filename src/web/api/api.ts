/** The app's one API client, speaking the interface language. */
import { currentLanguage } from "../i18n/i18n.ts";
import { createApiClient } from "./client.ts";

export const api = createApiClient({ language: currentLanguage });
