/** The case screens (kasus, tugas saya, laporan), loaded on demand by the router. */
import "./cases.css";
import "./case-page.css";

export { CaseListPage } from "./case-list-page.tsx";
export { CasePage } from "./case-page.tsx";
export { CaseReportPage } from "./case-report-page.tsx";
export { MyTasksPage } from "./my-tasks-page.tsx";
export { NewCasePage } from "./new-case-page.tsx";
