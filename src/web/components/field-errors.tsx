import { ApiError } from "../api/client.ts";

/** The API's message and its per-field problems (e.g. the password rules), in the interface language. */
export function FormError({ error, message }: { error: unknown; message?: string }) {
  if (error === null || error === undefined) return null;
  const detail = message ?? (error instanceof ApiError ? error.detail : "");
  const fields = error instanceof ApiError ? error.errors : [];
  return (
    <div className="notice notice-error" role="alert">
      {detail && <p>{detail}</p>}
      {fields.length > 0 && (
        <ul>
          {fields.map((e) => (
            <li key={`${e.field}:${e.code}`}>{e.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
