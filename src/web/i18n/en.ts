/** Interface text in English; same keys as `id.ts`. */
import type { Resources } from "./id.ts";

export const en: Resources = {
  app: {
    name: "Peduli",
    tagline: "Work system for TKSK and PSM social workers",
    skipToContent: "Skip to content",
    mainNav: "Main navigation",
  },
  language: {
    label: "Language",
    id: "Bahasa Indonesia",
    en: "English",
    idShort: "ID",
    enShort: "EN",
  },
  nav: {
    regions: "Regions",
  },
  common: {
    loading: "Loading…",
    retry: "Try again",
    breadcrumb: "Breadcrumb",
  },
  errors: {
    title: "The data could not be loaded",
    network: "Cannot reach the server. Check your internet connection, then try again.",
    unexpected: "The server gave an unexpected answer (status {{status}}).",
    notFoundTitle: "Page not found",
    notFoundBody: "There is no page at {{path}} in Peduli. The link may be wrong, or the page has moved.",
    backHome: "Back to the home page",
  },
  regions: {
    title: "Regions",
    intro: "Choose a region to see its registered households and persons, and the regions within it.",
    households: "Households",
    persons: "Persons",
    code: "Code",
    name: "Name",
    kind: "Kind",
    postalCode: "Postal code {{postalCode}}",
    totals: "Registered",
    childrenIn: "{{kinds}} in {{name}}",
    list: "Regions",
    empty: "There are no regions yet. Load a region file first.",
    noChildren: "There are no regions within {{name}}.",
    allRegions: "All regions",
  },
  kinds: {
    provinsi: "Province",
    kota: "City",
    kabupaten: "Regency",
    kecamatan: "District",
    kelurahan: "Urban village",
    desa: "Village",
    wilayah: "Region",
  },
  kindsPlural: {
    provinsi: "Provinces",
    kota: "Cities",
    kabupaten: "Regencies",
    kecamatan: "Districts",
    kelurahan: "Urban villages",
    desa: "Villages",
    wilayah: "Regions",
  },
};
