/** The training screens, loaded on demand by the router. */
import "./training.css";

export { AttendancePage } from "./attendance-page.tsx";
export { CheckInPage } from "./check-in-page.tsx";
export { CohortPage } from "./cohort-page.tsx";
export { InvitationsPage } from "./invitations-page.tsx";
export { ItemAnalysisPage } from "./item-analysis-page.tsx";
export { ProgrammePage } from "./programme-page.tsx";
export { TestPage } from "./test-page.tsx";
export { TrainingPage } from "./training-page.tsx";
