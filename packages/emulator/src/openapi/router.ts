/**
 * Path templates compiled into a segment trie. A segment is literal (`bridges`), a single parameter (`{id}`) or a
 * composite of parameters and literals (`{macAddress}_{portId}`, `{ipAddress}_{macAddress}`). Literal segments are
 * tried before parameter segments, so `/bridges/{id}/ports` never shadows a literal sibling. Matching is by segment,
 * on percent-decoded values; a segment that does not decode matches nothing.
 */
import type { Operation } from "./operations.js";

interface ParamSegment {
  regex: RegExp;
  names: string[];
  node: TrieNode;
}

interface TrieNode {
  literals: Map<string, TrieNode>;
  params: ParamSegment[];
  /** Operations of the path ending here, by upper-case method. */
  operations: Map<string, Operation> | undefined;
  template: string | undefined;
}

export interface RouteMatch {
  /** The document's path template. */
  template: string;
  params: Record<string, string>;
  operations: Map<string, Operation>;
}

const newNode = (): TrieNode => ({ literals: new Map(), params: [], operations: undefined, template: undefined });

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function compileSegment(segment: string): { regex: RegExp; names: string[]; key: string } {
  const names: string[] = [];
  let source = "";
  let last = 0;
  for (const match of segment.matchAll(/\{([^}]+)\}/g)) {
    source += escapeRegex(segment.slice(last, match.index));
    // Non-greedy so that `{a}_{b}` splits at the first separator; a lone parameter takes the whole segment.
    source += "(.+?)";
    names.push(match[1]!);
    last = match.index! + match[0].length;
  }
  source += escapeRegex(segment.slice(last));
  return { regex: new RegExp(`^${source}$`, "s"), names, key: segment };
}

export class Router {
  private readonly root = newNode();
  /** First path segments the document knows, e.g. `bridges`. */
  readonly rootSegments = new Set<string>();

  constructor(operations: Iterable<Operation>) {
    for (const operation of operations) {
      this.add(operation);
    }
  }

  private add(operation: Operation): void {
    const segments = split(operation.path);
    if (segments[0] !== undefined) {
      this.rootSegments.add(segments[0]);
    }
    let node = this.root;
    for (const segment of segments) {
      if (!segment.includes("{")) {
        let next = node.literals.get(segment);
        if (!next) {
          next = newNode();
          node.literals.set(segment, next);
        }
        node = next;
        continue;
      }
      const compiled = compileSegment(segment);
      let param = node.params.find((p) => p.regex.source === compiled.regex.source);
      if (!param) {
        param = { regex: compiled.regex, names: compiled.names, node: newNode() };
        node.params.push(param);
        // More specific (more literal characters) composite segments first.
        node.params.sort((a, b) => b.regex.source.length - a.regex.source.length);
      }
      node = param.node;
    }
    node.operations ??= new Map();
    node.template = operation.path;
    node.operations.set(operation.method, operation);
  }

  /** Matches a path below the API root (`/bridges/...`); undefined when no template matches. */
  match(path: string): RouteMatch | undefined {
    let segments: string[];
    try {
      segments = split(path).map((segment) => decodeURIComponent(segment));
    } catch {
      return undefined;
    }
    return this.walk(this.root, segments, 0, {});
  }

  private walk(
    node: TrieNode,
    segments: string[],
    index: number,
    params: Record<string, string>,
  ): RouteMatch | undefined {
    if (index === segments.length) {
      return node.operations ? { template: node.template!, params, operations: node.operations } : undefined;
    }
    const segment = segments[index]!;
    const literal = node.literals.get(segment);
    if (literal) {
      const found = this.walk(literal, segments, index + 1, params);
      if (found) {
        return found;
      }
    }
    for (const param of node.params) {
      const match = param.regex.exec(segment);
      if (!match) {
        continue;
      }
      const next = { ...params };
      param.names.forEach((name, i) => {
        next[name] = match[i + 1]!;
      });
      const found = this.walk(param.node, segments, index + 1, next);
      if (found) {
        return found;
      }
    }
    return undefined;
  }
}

/** `/a/b/` → [a, b]: a trailing slash is ignored, as Jersey does. `/` → []. */
export function split(path: string): string[] {
  const trimmed = path.replace(/^\/+/, "").replace(/\/+$/, "");
  return trimmed === "" ? [] : trimmed.split("/");
}
