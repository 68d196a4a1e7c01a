import type { OperationKey } from "../generated/operations.js";

/** One method of a resource, as generated into `src/generated/resources.ts`. */
export type MethodSpec =
  | { kind: "list" | "get" | "delete" | "deleteIfExists"; op: OperationKey; args: number }
  /** `idInBody`: the body carries the object's `id`; the last path argument fills it in when the caller omits it. */
  | { kind: "update"; op: OperationKey; args: number; idInBody?: boolean }
  | { kind: "create"; op: OperationKey; args: number; follow: boolean }
  /** `body`: `true` takes a body argument, a string builds `{ [body]: value }` from one positional value. */
  | { kind: "action"; op: OperationKey; args: number; body: boolean | string }
  /** `read`: the GET that reads the object back; `keys`: body fields that give its path params. */
  | { kind: "ensure"; op: OperationKey; args: number; read: OperationKey; keys: readonly string[]; bound: boolean };

/** A resource: its methods and its nested resources (`args` = params needed to reach the nested one). */
export interface NodeSpec {
  methods: Record<string, MethodSpec>;
  children: Record<string, { args: number; node: NodeSpec }>;
}
