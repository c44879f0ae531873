/**
 * A minimal valid request body for a JSON schema from the OpenAPI document: required properties
 * only, first enum value, smallest allowed sizes. The scope test sends it so that a request passes
 * schema validation and reaches the region check it is testing.
 */
type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
};

const SAMPLE_ID = "0190f0f0-0000-7000-8000-000000000001";

export function sampleBody(
  schema: JsonSchema | undefined,
  components: Record<string, JsonSchema> = {},
): unknown {
  if (!schema) return {};
  if (schema.$ref) return sampleBody(components[schema.$ref.split("/").pop() ?? ""], components);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length) {
    const nonNull = variants.find((v) => v.type !== "null") ?? variants[0];
    return sampleBody(nonNull, components);
  }
  if (schema.allOf?.length) {
    return Object.assign({}, ...schema.allOf.map((s) => sampleBody(s, components) as object));
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  switch (type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = sampleBody(schema.properties?.[key], components);
      return out;
    }
    case "array":
      return Array.from({ length: Math.max(1, schema.minItems ?? 0) }, () =>
        sampleBody(schema.items, components),
      );
    case "integer":
    case "number":
      return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
    case "boolean":
      return true;
    case "string":
      return sampleString(schema);
    default:
      return {};
  }
}

function sampleString(schema: JsonSchema): string {
  switch (schema.format) {
    case "uuid":
      return SAMPLE_ID;
    case "date":
      return "2026-01-02";
    case "date-time":
      return "2026-01-02T03:04:05.000Z";
    case "email":
      return "contoh@example.org";
  }
  if (schema.pattern) {
    if (/\\d\{2\}:\\d\{2\}/.test(schema.pattern)) return "09:00";
    if (/\\d\{4\}-\\d\{2\}-\\d\{2\}/.test(schema.pattern)) return "2026-01-02";
  }
  return "contoh teks".padEnd(Math.max(schema.minLength ?? 1, 11), "x");
}
