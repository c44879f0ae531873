import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { ErrorMessage } from "../../components/error-message.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { useItemAnalysis } from "./training.queries.ts";

/** /pelatihan/tes/:id/analisis — difficulty and discrimination per question, for trainers. */
export function ItemAnalysisPage() {
  const { id = "" } = useParams();
  const { t, i18n } = useTranslation();
  const query = useItemAnalysis(id);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  const a = query.data;
  const fmt = (v: number | null) =>
    v === null ? "—" : v.toLocaleString(i18n.language, { maximumFractionDigits: 2 });
  return (
    <section className="page">
      <title>{`${t("training.itemAnalysis")} · ${t("app.name")}`}</title>
      <header className="page-header">
        <h1>{t("training.itemAnalysisOf", { test: t(`training.test.${a.kind}`) })}</h1>
        <p className="lead">{t("training.itemAnalysisIntro", { count: a.attempts })}</p>
      </header>
      <div className="card">
        <table className="region-table">
          <thead>
            <tr>
              <th scope="col">{t("training.module")}</th>
              <th scope="col">{t("training.question")}</th>
              <th scope="col">n</th>
              <th scope="col">{t("training.difficulty")}</th>
              <th scope="col">{t("training.discrimination")}</th>
            </tr>
          </thead>
          <tbody>
            {a.items.map((item) => (
              <tr key={item.questionId}>
                <td>{item.moduleCode}</td>
                <td>{item.text}</td>
                <td>{item.n}</td>
                <td>{fmt(item.difficulty)}</td>
                <td>
                  {fmt(item.discrimination)}
                  {item.discrimination !== null && item.discrimination < 0.2 && (
                    <span className="tag tag-warn">{t("training.review")}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
