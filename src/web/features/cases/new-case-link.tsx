import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Can } from "../auth/can.tsx";

/**
 * "Buat kasus" for an area case on a kelurahan page, with the kelurahan filled in; shown to roles
 * that may open cases. Other pages (the registry) link to /kasus/baru?householdId=… the same way.
 */
export function NewCaseLink({ region }: { region: { code: string; level: string } }) {
  const { t } = useTranslation();
  if (region.level !== "kelurahan") return null;
  return (
    <Can permission="persons:write">
      <p>
        <Link className="button" to={`/kasus/baru?regionCode=${encodeURIComponent(region.code)}`}>
          {t("cases.list.newCase")}
        </Link>
      </p>
    </Can>
  );
}
