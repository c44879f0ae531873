/**
 * /kemiskinan/miskin — the poor households of a region and period (latest assessment, highest
 * score first), within the user's region; each opens its household page. KK numbers are masked.
 */
import { Link, useSearchParams } from "react-router";
import { ErrorMessage } from "../../components/error-message.tsx";
import { LoadingState } from "../../components/loading-state.tsx";
import { useLanguage } from "../../i18n/i18n.ts";
import { percent, usePoorHouseholds } from "./assessments.queries.ts";
import "./assessments.css";

export function PoorHouseholdsPage() {
  const { t, language } = useLanguage();
  const [params] = useSearchParams();
  const query = usePoorHouseholds(params);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  const list = query.data;
  const region = params.get("region") ?? "";
  return (
    <section className="page poverty">
      <title>{`${t("assessments.poorList")} · ${t("app.name")}`}</title>
      <header className="page-header">
        <p className="eyebrow">
          <Link to={`/kemiskinan?${params}`}>{t("assessments.analysisTitle")}</Link>
        </p>
        <h1>{t("assessments.poorListOf", { region, period: list.period ?? "—" })}</h1>
        <p className="lead">{list.total.toLocaleString("id-ID")}</p>
      </header>
      <div className="poverty-table-wrap">
        <table className="region-table poverty-table">
          <thead>
            <tr>
              <th>{t("assessments.address")}</th>
              <th className="num">{t("assessments.members")}</th>
              <th className="num">{t("assessments.score")}</th>
              <th>{t("assessments.deprivedIn")}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((h) => (
              <tr key={h.id}>
                <td>
                  <Link to={`/keluarga/${h.id}`}>{h.address}</Link>
                  <br />
                  <small>
                    RW {h.rw} / RT {h.rt} · {h.kkNumber ?? "—"}
                  </small>
                </td>
                <td className="num">{h.householdSize}</td>
                <td className="num">{percent(h.score, language)}</td>
                <td>{h.deprived.map((d) => (language === "en" ? d.text.en : d.text.id)).join("; ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
