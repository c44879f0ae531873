/** Small labels of a case used on every case screen: urgency (colour and text), stage, region. */
import { useTranslation } from "react-i18next";
import type { Stage, Urgency } from "../../../core/cases/case-enums.ts";
import { formatRegionCode } from "../../../core/region/region-code.ts";

/** Urgency as a coloured tag whose text always names it: colour is never the only signal. */
export function UrgencyBadge({ urgency }: { urgency: Urgency }) {
  const { t } = useTranslation();
  return (
    <span className={`urgency urgency-${urgency}`}>
      <span className="urgency-dot" aria-hidden="true" />
      {t(`cases.urgency.${urgency}`)}
    </span>
  );
}

export function StageBadge({ stage }: { stage: Stage }) {
  const { t } = useTranslation();
  return <span className={`stage stage-${stage}`}>{t(`cases.stage.${stage}`)}</span>;
}

/** "31.71.01.1005 Kebon Kelapa" (with RW/RT when an area case names them). */
export function regionText(kase: { regionCode: string; regionName: string | null }): string {
  return [formatRegionCode(kase.regionCode), kase.regionName].filter(Boolean).join(" ");
}
