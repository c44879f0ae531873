import type { offlineId } from "./offline.id.ts";

/** Interface text of the field app's offline work in English (same keys as offline.id.ts). */
export const offlineEn: typeof offlineId = {
  nav: "Offline work",
  status: {
    online: "Online",
    offline: "Offline — no signal",
    lastSync: "Last synced: {{when}}",
    never: "Never synced",
    pending: "{{count}} changes waiting to be sent",
    attention: "{{count}} changes need checking",
    syncing: "Syncing…",
    syncNow: "Sync now",
    failed: "Sync failed: {{error}}",
  },
  setup: {
    title: "Prepare offline data",
    intro:
      "Your region's households are stored encrypted on this phone. Log in and connect once to prepare them.",
    start: "Prepare now",
    needLogin: "The data key is not available in this tab: log in while online.",
  },
  page: {
    title: "Offline work",
    intro: "Record households, members, cases and visits without signal; everything is sent when online.",
    held: "On this phone: {{households}} households, {{persons}} persons, {{cases}} open cases",
  },
  household: {
    title: "Register a household",
    region: "Kelurahan code",
    rw: "RW",
    rt: "RT",
    address: "Address",
    save: "Save household",
    saved: "Household saved on the phone.",
  },
  person: {
    title: "Add a household member",
    household: "Household",
    name: "Name",
    sex: "Sex",
    male: "Male",
    female: "Female",
    relation: "Relation in the family",
    save: "Save member",
    saved: "Member saved on the phone.",
  },
  caseForm: {
    title: "Open a household case",
    household: "Household",
    category: "PPKS code",
    description: "Problem description",
    save: "Open case",
    saved: "Case saved on the phone.",
  },
  visit: {
    title: "Record a visit",
    case: "Case",
    met: "Met",
    notes: "Notes",
    save: "Save visit",
    saved: "Visit saved on the phone.",
  },
  attention: {
    title: "Needs checking",
    rejected: "Refused by the server",
    conflict: "Conflict: server value {{server}}, your value {{client}} ({{field}})",
    retry: "Send again",
    dismiss: "Close",
  },
  choose: "— choose —",
  newRecord: "(new, not sent yet)",
};
