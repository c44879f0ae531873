/** The registry screens (keluarga, penduduk, impor, duplikat), loaded on demand by the router. */
import "./registry.css";

export { DuplicatesPage } from "./duplicates-page.tsx";
export { EditHouseholdPage, NewHouseholdPage } from "./household-form-page.tsx";
export { HouseholdListPage } from "./household-list-page.tsx";
export { HouseholdPage } from "./household-page.tsx";
export { ImportPage } from "./import-page.tsx";
export { EditPersonPage, NewPersonPage } from "./person-form-page.tsx";
export { PersonPage } from "./person-page.tsx";
export { PsksPage } from "./psks-page.tsx";
