import { useTranslation } from "react-i18next";
import { ErrorMessage } from "../../components/error-message.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { RegionTable } from "./region-table.tsx";
import { useRootRegions } from "./regions.queries.ts";

/** /wilayah: the top of the region tree. */
export function RegionListPage() {
  const { t } = useTranslation();
  const query = useRootRegions();
  return (
    <section className="page">
      <title>{`${t("regions.title")} · ${t("app.name")}`}</title>
      <header className="page-header">
        <h1>{t("regions.title")}</h1>
        <p className="lead">{t("regions.intro")}</p>
      </header>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.length === 0 ? (
        <p className="notice">{t("regions.empty")}</p>
      ) : (
        <div className="card">
          <RegionTable regions={query.data} caption={t("regions.list")} />
        </div>
      )}
    </section>
  );
}
