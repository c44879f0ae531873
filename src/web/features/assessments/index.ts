/** The poverty screens, loaded on demand by the route table. */
export { AnalysisPage } from "./analysis-page.tsx";
export { AssessmentPage } from "./assessment-page.tsx";
export { IndicatorSetsPage } from "./indicator-sets-page.tsx";
export { PoorHouseholdsPage } from "./poor-households-page.tsx";
