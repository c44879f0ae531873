/** The workforce screens, loaded on demand. */
import "./workers.css";

export { WorkerListPage } from "./worker-list-page.tsx";
export { WorkerPage } from "./worker-page.tsx";
