/** The kinerja screens, loaded on demand. */
import "../dashboards/dashboards.css";
import "./kinerja.css";

export { KinerjaPage } from "./kinerja-page.tsx";
export { KinerjaTargetsPage } from "./kinerja-targets-page.tsx";
