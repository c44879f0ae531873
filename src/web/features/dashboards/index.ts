/** The dashboard screens, loaded on demand (they bring echarts with them). */
import "./dashboards.css";

export { DashboardHomePage, DashboardPage } from "./dashboard-page.tsx";
export { TrainingComparisonPage } from "./training-comparison-page.tsx";
