/** Entry point of the web app: language, data cache and router, then the first render. */
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import { ApiError } from "./api/client.ts";
import { createRouter } from "./app.tsx";
import { initI18n } from "./i18n/i18n.ts";
import { startOfflineSync } from "./offline/offline-controller.ts";
import { registerServiceWorker } from "./offline/service-worker.ts";
import "./styles.css";

const i18n = initI18n();
registerServiceWorker();
startOfflineSync();

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 60_000,
      // A wrong request stays wrong: retry only failures of the network or the server.
      retry: (failures, error) => !(error instanceof ApiError && error.isClientError) && failures < 2,
    },
  },
});

// Error messages come from the server in the language of the request: ask again after a switch.
i18n.on("languageChanged", () => {
  void queryClient.refetchQueries({ predicate: (query) => query.state.status === "error" });
});

const container = document.getElementById("root");
if (!container) throw new Error("index.html has no #root element");
createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={createRouter()} />
    </QueryClientProvider>
  </StrictMode>,
);
