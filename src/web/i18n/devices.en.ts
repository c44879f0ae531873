import type { devicesId } from "./devices.id.ts";

/** Interface text of the administrator's device page in English (same keys as devices.id.ts). */
export const devicesEn: typeof devicesId = {
  nav: "Devices",
  title: "Offline devices",
  intro:
    "Phones holding residents' data for offline work: their user, last sync, how much data they hold and what is not sent yet.",
  none: "No device holds offline data yet.",
  total: "{{count}} devices",
  user: "User",
  device: "Device {{id}}",
  lastSeen: "Last sync",
  held: "Data on the device",
  pending: "Not sent yet",
  heldNone: "none",
  state: "State",
  active: "Active",
  wipeRequested: "Waiting to be wiped (asked {{when}})",
  wiped: "Data wiped {{when}}",
  wipe: "Wipe this device's data",
  wipeLabel: "Wipe the data of device {{id}} of {{user}}",
  wipeConfirm:
    "Wipe all offline data on {{user}}'s device? It is deleted when the device next connects, including {{pending}} changes not sent yet.",
  wipeDone: "Wipe requested. The data is deleted when the device next connects.",
  tables: {
    households: "households",
    persons: "persons",
    cases: "cases",
    case_tasks: "tasks",
    indicator_sets: "indicator sets",
    ppks_categories: "PPKS categories",
    services: "services",
    training_sessions: "training sessions",
    enrolments: "training participants",
  },
};
