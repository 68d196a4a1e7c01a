/**
 * Request-body validation from the document's schemas (OpenAPI 3.1 = JSON Schema 2020-12, checked by ajv), with the
 * two failure shapes MidoNet has (reference §4, §6):
 * - Jackson mapping errors (wrong JSON type, bad UUID text, enum value, unknown or missing discriminator) stop
 *   everything: 400 `{message, code}`;
 * - Hibernate bean-validation violations (required, min/max, sizes, patterns/formats) are collected: 400
 *   `{"message": "Validation error(s) found", "code": 400, "violations": [{property, message}]}`. Bean validation is
 *   not cascaded into nested objects (MidoNet's models have no @Valid), so only top-level properties report.
 * Unknown properties and `readOnly` properties are ignored on input, as Jackson does with FAIL_ON_UNKNOWN_PROPERTIES
 * off and getter-only link fields. `discriminator` is resolved here (ajv does not support `mapping`).
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { badRequest, type Violation } from "../http/errors.js";
import { type OpenApiDocument, resolveRef, type Schema, schemaName } from "./document.js";
import type { Operation } from "./operations.js";

// ajv-formats is CJS with `exports.default`; depending on the loader the default import is the module or the function.
const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as (ajv: Ajv2020) => void;

const MODEL_PACKAGE = "org.midonet.cluster.rest_api.models";
const DOCUMENT_ID = "midonet";
/** Formats whose failure is a Jackson conversion error rather than a bean-validation violation. */
const MAPPING_FORMATS = new Set(["uuid", "int32", "int64", "float", "double"]);
const MAPPING_KEYWORDS = new Set(["type", "enum", "const", "oneOf", "anyOf", "discriminator"]);

export interface ValidatedBody {
  /** The body with schema defaults applied and explicit nulls removed (Jackson treats both alike). */
  value: any;
  /** The component schema that validated the body (the discriminator's variant when there is one). */
  schema: string | undefined;
  violations: Violation[];
}

interface CompiledBody {
  validate: ValidateFunction;
  schema: string | undefined;
}

export class BodyValidator {
  private readonly ajv: Ajv2020;
  private readonly compiled = new Map<string, CompiledBody>();
  private readonly writable = new Map<string, string[]>();

  constructor(private readonly document: OpenApiDocument) {
    // coerceTypes: MidoNet's Jackson 2.5 maps scalars leniently ("24" to an int, 42 to a String, "true" to a
    // boolean), and MidoNet's own clients rely on it (python-midonetclient sends DHCP subnet lengths as strings,
    // midonet-cli every number typed on its command line).
    this.ajv = new Ajv2020({
      allErrors: true,
      strict: false,
      useDefaults: true,
      verbose: true,
      validateFormats: true,
      coerceTypes: true,
    });
    addFormats(this.ajv);
    const transformed = transform(document.components ?? {});
    for (const format of collectFormats(transformed)) {
      if (!this.ajv.formats[format]) {
        this.ajv.addFormat(format, true);
      }
    }
    this.ajv.addFormat("mac", /^((([0-9]|[a-f]|[A-F]){2}):){5}([0-9]|[a-f]|[A-F]){2}$/);
    this.ajv.addSchema({ $id: DOCUMENT_ID, components: transformed });
  }

  /** Validates a parsed request body for an operation; throws 400 on mapping errors. */
  validate(operation: Operation, raw: unknown): ValidatedBody {
    const declared = operation.requestSchema;
    if (!declared) {
      return { value: raw, schema: undefined, violations: [] };
    }
    const { ref, name } = this.pickVariant(declared, raw);
    const compiled = this.compile(ref ?? declared, operation.operationId, name);
    if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
      const expected = this.resolve(ref ?? declared);
      if (expected?.type === "object" || expected?.properties) {
        throw badRequest(
          `Can not deserialize instance of ${modelClass(name)} out of ${token(raw)} token (through reference chain: ${modelClass(name)})`,
        );
      }
    }
    const value = dropNulls(structuredClone(raw));
    const valid = compiled.validate(value);
    const errors = valid ? [] : (compiled.validate.errors ?? []);
    const mapping = errors.find(isMappingError);
    if (mapping) {
      throw badRequest(mappingMessage(mapping, name));
    }
    const violations = operation.validation ? toViolations(errors) : [];
    return { value, schema: compiled.schema, violations };
  }

  /** The non-readOnly properties of a component schema, following `$ref` and `allOf`. */
  writableProperties(name: string): string[] {
    let cached = this.writable.get(name);
    if (!cached) {
      const properties = collectProperties(this.document, { $ref: `#/components/schemas/${name}` });
      cached = Object.entries(properties)
        .filter(([, schema]) => !resolveRef(this.document, schema)?.readOnly)
        .map(([key]) => key);
      this.writable.set(name, cached);
    }
    return cached;
  }

  private resolve(schema: Schema): Schema | undefined {
    return resolveRef(this.document, schema);
  }

  /** Resolves a top-level `discriminator` to the variant reference, like Jackson's @JsonTypeInfo. */
  private pickVariant(declared: Schema, raw: unknown): { ref: Schema | undefined; name: string | undefined } {
    const name = schemaName(declared.$ref);
    const schema = this.resolve(declared);
    const discriminator = schema?.discriminator as
      | { propertyName: string; mapping?: Record<string, string> }
      | undefined;
    if (!discriminator) {
      return { ref: undefined, name };
    }
    const base = baseModel(name);
    const property = discriminator.propertyName;
    const value = raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as any)[property] : undefined;
    if (value === undefined || value === null) {
      throw badRequest(
        `Unexpected token (END_OBJECT), expected FIELD_NAME: missing property '${property}' that is to contain type id  (for class ${MODEL_PACKAGE}.${base})`,
      );
    }
    const mapping: Record<string, string> = { ...(discriminator.mapping ?? {}) };
    for (const option of [...(schema?.oneOf ?? []), ...(schema?.anyOf ?? [])] as Schema[]) {
      const optionName = schemaName(option.$ref);
      if (optionName && !Object.values(mapping).includes(option.$ref)) {
        mapping[optionName] = option.$ref;
      }
    }
    const target = typeof value === "string" ? mapping[value] : undefined;
    if (!target) {
      throw badRequest(
        `Could not resolve type id '${String(value)}' into a subtype of [simple type, class ${MODEL_PACKAGE}.${base}]`,
      );
    }
    return { ref: { $ref: target }, name: schemaName(target) };
  }

  private compile(schema: Schema, operationId: string, name: string | undefined): CompiledBody {
    const key = schema.$ref ? `ref:${schema.$ref}` : `op:${operationId}`;
    let compiled = this.compiled.get(key);
    if (!compiled) {
      const target = schema.$ref ? { $ref: `${DOCUMENT_ID}${schema.$ref}` } : rewriteRefs(transform(schema));
      compiled = { validate: this.ajv.compile(target), schema: schemaName(schema.$ref) ?? name };
      this.compiled.set(key, compiled);
    }
    return compiled;
  }
}

/** Removes readOnly properties (ignored on input) and discriminators (resolved by hand) from a schema tree. */
function transform(node: any): any {
  if (Array.isArray(node)) {
    return node.map(transform);
  }
  if (!node || typeof node !== "object") {
    return node;
  }
  const out: Record<string, any> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "discriminator" || key === "example" || key === "examples") {
      continue;
    }
    out[key] = transform(value);
  }
  if (node.discriminator) {
    // Nested polymorphic values are not resolved: accept any object there rather than guess.
    delete out.oneOf;
    delete out.anyOf;
  }
  // Nulls are removed before validation (dropNulls), so `oneOf: [X, {type: "null"}]` is just X. Kept as a oneOf, a
  // constraint failing inside X (a PortRange bound, say) would read as a Jackson mapping error of the wrapper.
  if (Array.isArray(out.oneOf)) {
    const nonNull = out.oneOf.filter((branch: any) => !(branch?.type === "null" && Object.keys(branch).length === 1));
    if (nonNull.length === 1 && nonNull.length < out.oneOf.length) {
      delete out.oneOf;
      out.allOf = [...(out.allOf ?? []), nonNull[0]];
    }
  }
  if (out.properties && typeof out.properties === "object") {
    const readOnly = Object.keys(out.properties).filter((key) => out.properties[key]?.readOnly === true);
    for (const key of readOnly) {
      delete out.properties[key];
    }
    if (Array.isArray(out.required)) {
      out.required = out.required.filter((key: string) => !readOnly.includes(key));
    }
  }
  return out;
}

function rewriteRefs(node: any): any {
  if (Array.isArray(node)) {
    return node.map(rewriteRefs);
  }
  if (!node || typeof node !== "object") {
    return node;
  }
  const out: Record<string, any> = {};
  for (const [key, value] of Object.entries(node)) {
    out[key] =
      key === "$ref" && typeof value === "string" && value.startsWith("#/")
        ? `${DOCUMENT_ID}${value}`
        : rewriteRefs(value);
  }
  return out;
}

function collectFormats(node: any, found = new Set<string>()): Set<string> {
  if (node && typeof node === "object") {
    if (typeof node.format === "string") {
      found.add(node.format);
    }
    for (const value of Object.values(node)) {
      collectFormats(value, found);
    }
  }
  return found;
}

export function collectProperties(
  document: OpenApiDocument,
  schema: Schema,
  into: Record<string, Schema> = {},
): Record<string, Schema> {
  const resolved = resolveRef<Schema>(document, schema);
  if (!resolved) {
    return into;
  }
  for (const part of (resolved.allOf ?? []) as Schema[]) {
    collectProperties(document, part, into);
  }
  Object.assign(into, resolved.properties ?? {});
  return into;
}

function dropNulls(value: any): any {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const key of Object.keys(value)) {
      if (value[key] === null) {
        delete value[key];
      } else {
        dropNulls(value[key]);
      }
    }
  }
  return value;
}

function isMappingError(error: ErrorObject): boolean {
  // A String field with @Pattern whose values the document also lists as an enum (NatRule.flowAction): the pattern
  // violation is MidoNet's answer, not a Jackson enum error (a Java enum never carries a pattern).
  if (error.keyword === "enum" && typeof (error.parentSchema as Schema | undefined)?.pattern === "string") {
    return false;
  }
  if (MAPPING_KEYWORDS.has(error.keyword)) {
    return true;
  }
  return error.keyword === "format" && MAPPING_FORMATS.has(String(error.params.format));
}

function property(error: ErrorObject): string | undefined {
  const segments = error.instancePath.split("/").slice(1);
  if (error.keyword === "required") {
    return segments.length === 0 ? String(error.params.missingProperty) : undefined;
  }
  return segments.length === 1 ? segments[0]!.replace(/~1/g, "/").replace(/~0/g, "~") : undefined;
}

function toViolations(errors: ErrorObject[]): Violation[] {
  const seen = new Set<string>();
  const violations: Violation[] = [];
  for (const error of errors) {
    const name = property(error);
    const message = name === undefined ? undefined : violationMessage(error);
    if (name === undefined || message === undefined) {
      continue;
    }
    const key = `${name}\u0000${message}`;
    if (!seen.has(key)) {
      seen.add(key);
      violations.push({ property: name, message });
    }
  }
  return violations.sort((a, b) => a.property.localeCompare(b.property) || a.message.localeCompare(b.message));
}

/** Hibernate Validator 4.3's default messages, or the document's `x-midonet-message` for patterns and formats. */
function violationMessage(error: ErrorObject): string | undefined {
  const schema = (error.parentSchema ?? {}) as Schema;
  switch (error.keyword) {
    case "required":
      return "may not be null";
    case "minimum":
    case "exclusiveMinimum":
      return `must be greater than or equal to ${error.params.limit}`;
    case "maximum":
    case "exclusiveMaximum":
      return `must be less than or equal to ${error.params.limit}`;
    case "minLength":
    case "maxLength":
      return `size must be between ${schema.minLength ?? 0} and ${schema.maxLength ?? 2147483647}`;
    case "minItems":
    case "maxItems":
      return `size must be between ${schema.minItems ?? 0} and ${schema.maxItems ?? 2147483647}`;
    case "pattern":
      return schema["x-midonet-message"] ?? `must match "${schema.pattern}"`;
    case "format":
      return (
        schema["x-midonet-message"] ??
        (schema.pattern ? `must match "${schema.pattern}"` : `must be a valid ${error.params.format}`)
      );
    default:
      return undefined;
  }
}

function baseModel(name: string | undefined): string {
  return (name ?? "Object").replace(/Input$/, "");
}

function modelClass(name: string | undefined): string {
  return `${MODEL_PACKAGE}.${baseModel(name)}`;
}

function token(value: unknown): string {
  if (Array.isArray(value)) {
    return "START_ARRAY";
  }
  if (value === null) {
    return "VALUE_NULL";
  }
  switch (typeof value) {
    case "object":
      return "START_OBJECT";
    case "string":
      return "VALUE_STRING";
    case "boolean":
      return value ? "VALUE_TRUE" : "VALUE_FALSE";
    case "number":
      return Number.isInteger(value) ? "VALUE_NUMBER_INT" : "VALUE_NUMBER_FLOAT";
    default:
      return "VALUE_EMBEDDED_OBJECT";
  }
}

function javaType(schema: Schema): string {
  if (schema.format === "uuid") {
    return "java.util.UUID";
  }
  const types = ([] as string[]).concat(schema.type ?? []).filter((t) => t !== "null");
  switch (types[0]) {
    case "integer":
      return schema.format === "int64" ? "long" : "int";
    case "number":
      return "double";
    case "boolean":
      return "boolean";
    case "array":
      return "java.util.List";
    case "object":
      return "java.lang.Object";
    default:
      return "java.lang.String";
  }
}

/** A Jackson 2.5-like JsonMappingException message, naming the field as Jackson's reference chain does. */
function mappingMessage(error: ErrorObject, name: string | undefined): string {
  const schema = (error.parentSchema ?? {}) as Schema;
  const chain = error.instancePath
    .split("/")
    .slice(1)
    .map((segment) => (/^\d+$/.test(segment) ? `[${segment}]` : `["${segment}"]`))
    .join("");
  // A field annotated @JsonError in MidoNet answers with that annotation's message instead of Jackson's.
  if (typeof schema["x-midonet-mapping-error"] === "string") {
    return schema["x-midonet-mapping-error"];
  }
  const where = `(through reference chain: ${modelClass(name)}${chain})`;
  const data = error.data;
  if (error.keyword === "format") {
    return `Can not construct instance of ${javaType(schema)} from String value '${String(data)}': not a valid textual representation ${where}`;
  }
  if (error.keyword === "enum" || error.keyword === "const") {
    const allowed = (schema.enum ?? [schema.const]).join(", ");
    return `Can not construct instance of ${javaType(schema)} from String value '${String(data)}': value not one of declared Enum instance names: [${allowed}] ${where}`;
  }
  return `Can not deserialize instance of ${javaType(schema)} out of ${token(data)} token ${where}`;
}
