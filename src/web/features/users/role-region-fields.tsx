import { ROLE_TABLE, ROLES, type Role } from "../../../core/access/permissions.ts";
import { useLanguage } from "../../i18n/i18n.ts";
import { useRoleLabel } from "../auth/user-menu.tsx";
import { RegionSelect } from "./region-select.tsx";

/**
 * Role and, when the role has one, its region: a kecamatan for a TKSK, a kelurahan for a PSM
 * (the levels come from the core permission table); other roles have no region.
 */
export function RoleRegionFields({
  idPrefix,
  role,
  regionCode,
  onChange,
}: {
  idPrefix: string;
  role: Role;
  regionCode: string;
  onChange: (role: Role, regionCode: string) => void;
}) {
  const { t } = useLanguage();
  const roleLabel = useRoleLabel();
  const level = ROLE_TABLE[role].regionLevel;
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-role`}>{t("users.role")}</label>
        <select
          id={`${idPrefix}-role`}
          value={role}
          onChange={(e) => {
            const next = e.target.value as Role;
            onChange(next, ROLE_TABLE[next].regionLevel === level ? regionCode : "");
          }}
        >
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {roleLabel(r)}
            </option>
          ))}
        </select>
      </div>
      {level && (
        <div className="field">
          <label htmlFor={`${idPrefix}-region`}>{t(`users.regionOf.${level}`)}</label>
          <RegionSelect
            id={`${idPrefix}-region`}
            level={level}
            value={regionCode}
            onChange={(code) => onChange(role, code)}
          />
        </div>
      )}
    </>
  );
}
