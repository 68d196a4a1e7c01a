/** One operation of the document, as `src/generated/operations.ts` lists it. */
export interface OperationSpec {
  /** The document's `operationId`. */
  readonly id: string | null;
  /** HTTP method, upper case. */
  readonly method: string;
  /** Path template below the API root, e.g. `/bridges/{id}`. */
  readonly path: string;
  /** Names of the path parameters, in path order. */
  readonly pathParams: readonly string[];
  /** Query parameters: `[name in the document, camelCase name in the resource API]`. */
  readonly query: readonly (readonly [string, string])[];
  /** Media type sent as `Content-Type` (first of the request body), or null without a body. */
  readonly contentType: string | null;
  /** Media type sent as `Accept` (first of the success answer), or null when the answer has no body. */
  readonly accept: string | null;
  /** The success status the document gives. */
  readonly status: number;
}

/** An operation with its path template split once, so building a URL is a few concatenations. */
export interface CompiledOperation {
  readonly spec: OperationSpec;
  /** Literal strings and indexes into the path arguments. */
  readonly parts: readonly (string | number)[];
  /** camelCase query name -> document name. */
  readonly queryNames: ReadonlyMap<string, string>;
  /** Matches a path below the API root; for reading back `Location`. */
  readonly pattern: RegExp;
}

export function compileOperation(spec: OperationSpec): CompiledOperation {
  const parts: (string | number)[] = [];
  let last = 0;
  let pattern = "^";
  const re = /\{([^}]+)\}/g;
  for (let m = re.exec(spec.path); m; m = re.exec(spec.path)) {
    const literal = spec.path.slice(last, m.index);
    parts.push(literal, spec.pathParams.indexOf(m[1] as string));
    pattern += `${escapeRegExp(literal)}([^/]+?)`;
    last = m.index + m[0].length;
  }
  const tail = spec.path.slice(last);
  if (tail) {
    parts.push(tail);
  }
  pattern += `${escapeRegExp(tail)}/?$`;
  return {
    spec,
    parts,
    queryNames: new Map(spec.query.map(([name, key]) => [key, name])),
    pattern: new RegExp(pattern),
  };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** `/bridges/{id}` + `["b1"]` -> `/bridges/b1` (each argument URI-encoded). */
export function buildPath(op: CompiledOperation, args: readonly unknown[]): string {
  let path = "";
  for (const part of op.parts) {
    if (typeof part === "string") {
      path += part;
    } else {
      const value = args[part];
      if (value === undefined || value === null || value === "") {
        throw new TypeError(`${op.spec.method} ${op.spec.path}: missing path parameter ${op.spec.pathParams[part]}`);
      }
      path += encodeURIComponent(String(value));
    }
  }
  return path;
}

/** Appends a query string; camelCase keys of the operation are mapped to the document's names. */
export function buildQuery(op: CompiledOperation | undefined, query: Record<string, unknown> | undefined): string {
  if (!query) {
    return "";
  }
  const params = new URLSearchParams();
  for (const key of Object.keys(query)) {
    const value = query[key];
    if (value === undefined || value === null) {
      continue;
    }
    const name = op?.queryNames.get(key) ?? key;
    if (Array.isArray(value)) {
      for (const v of value) {
        params.append(name, String(v));
      }
    } else {
      params.append(name, String(value));
    }
  }
  const s = params.toString();
  return s ? `?${s}` : "";
}
