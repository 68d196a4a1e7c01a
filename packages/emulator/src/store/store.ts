/**
 * The in-memory object store: objects by kind (MidoNet's proto names) and id, in insertion order (MidoNet lists in
 * storage order). Id lookups are O(1) map reads; unique indexes give O(1) lookups and duplicate refusal by key.
 *
 * All writes go through `transact`, which runs a synchronous function over a copy-on-write Transaction: reads see
 * the transaction's own writes, the binding table (bindings.ts) is applied on create/update/delete, and nothing
 * reaches the store unless the function returns without throwing. Because the function is synchronous and Node runs
 * one at a time, every request is atomic and isolated: two concurrent creates of the same id, MAC or address are
 * two transactions one after the other, and the second sees the first.
 */
import { randomUUID } from "node:crypto";
import type { HttpError } from "../http/errors.js";
import { type BindingSide, compileBindings } from "./bindings.js";
import { notFoundError, objectExistsError, objectReferencedError, referenceConflictError } from "./errors.js";

export type StoredObject = Readonly<Record<string, any>> & { readonly id: string };

/** One committed write: the new value, or null for a delete. */
export interface Change {
  kind: string;
  id: string;
  value: StoredObject | null;
}

export interface UniqueIndexSpec {
  kind: string;
  name: string;
  /** The indexed key of an object, or undefined when the object takes no part in the index. */
  key: (object: StoredObject) => string | undefined;
  /** The error for a second object with the same key (409 with the resource's own message, usually). */
  conflict: (object: StoredObject, holderId: string) => HttpError;
}

interface UniqueIndex {
  spec: UniqueIndexSpec;
  holders: Map<string, string>;
}

/** Receives the changes of every committed write transaction; may return a promise that settles when durable. */
export type CommitListener = (changes: Change[]) => Promise<void> | undefined;

const SEQUENCE_KIND = "__Sequence";

/**
 * Removes the state an object owns outside the binding table (MAC, ARP and peering tables, which MidoNet keeps in
 * state tables under the object and drops with it). Runs inside the deleting transaction, cascades included.
 */
export type OwnedStateRemover = (tx: Transaction, deleted: StoredObject) => void;

export class Store {
  private readonly data = new Map<string, Map<string, StoredObject>>();
  private readonly indexes = new Map<string, UniqueIndex[]>();
  /** @internal */
  readonly ownedState = new Map<string, OwnedStateRemover[]>();
  readonly bindings: Map<string, BindingSide[]>;
  private listener: CommitListener | undefined;

  constructor(bindings: Map<string, BindingSide[]> = compileBindings()) {
    this.bindings = bindings;
  }

  onCommit(listener: CommitListener | undefined): void {
    this.listener = listener;
  }

  /** Registers what to remove with every deleted object of `kind`. */
  defineOwnedState(kind: string, remove: OwnedStateRemover): void {
    this.ownedState.set(kind, [...(this.ownedState.get(kind) ?? []), remove]);
  }

  /** Declares a unique index; existing objects are indexed (and must not collide). */
  defineUniqueIndex(spec: UniqueIndexSpec): void {
    const index: UniqueIndex = { spec, holders: new Map() };
    for (const object of this.kind(spec.kind).values()) {
      const key = spec.key(object);
      if (key !== undefined) {
        index.holders.set(key, object.id);
      }
    }
    const list = this.indexes.get(spec.kind) ?? [];
    list.push(index);
    this.indexes.set(spec.kind, list);
  }

  /** Committed state, outside any transaction. */
  get(kind: string, id: string): StoredObject | undefined {
    return this.data.get(kind)?.get(id);
  }

  list(kind: string): StoredObject[] {
    return [...this.kind(kind).values()];
  }

  size(): number {
    let total = 0;
    for (const objects of this.data.values()) {
      total += objects.size;
    }
    return total;
  }

  /**
   * Runs `fn` atomically. Returns its result and, for a write, the durability promise of the commit listener
   * (the server waits for it before answering).
   */
  transact<T>(fn: (tx: Transaction) => T): { result: T; durable: Promise<void> | undefined } {
    const tx = new Transaction(this);
    const result = fn(tx);
    const changes = tx.pendingChanges();
    if (changes.length === 0) {
      return { result, durable: undefined };
    }
    this.checkIndexes(changes, tx);
    this.apply(changes);
    return { result, durable: this.listener?.(changes) };
  }

  /** Applies already-validated changes (commit, journal replay). */
  apply(changes: Iterable<Change>): void {
    for (const change of changes) {
      const objects = this.kind(change.kind);
      const previous = objects.get(change.id);
      for (const index of this.indexes.get(change.kind) ?? []) {
        const oldKey = previous ? index.spec.key(previous) : undefined;
        if (oldKey !== undefined && index.holders.get(oldKey) === change.id) {
          index.holders.delete(oldKey);
        }
        const newKey = change.value ? index.spec.key(change.value) : undefined;
        if (newKey !== undefined) {
          index.holders.set(newKey, change.id);
        }
      }
      if (change.value) {
        objects.set(change.id, change.value);
      } else {
        objects.delete(change.id);
      }
    }
  }

  /** Every object, for snapshots. */
  *entries(): Iterable<Change> {
    for (const [kind, objects] of this.data) {
      for (const [id, value] of objects) {
        yield { kind, id, value };
      }
    }
  }

  /** @internal */
  kind(kind: string): Map<string, StoredObject> {
    let objects = this.data.get(kind);
    if (!objects) {
      objects = new Map();
      this.data.set(kind, objects);
    }
    return objects;
  }

  /** @internal */
  indexesOf(kind: string): UniqueIndex[] {
    return this.indexes.get(kind) ?? [];
  }

  private checkIndexes(changes: Change[], tx: Transaction): void {
    for (const [kind, indexes] of this.indexes) {
      const ofKind = changes.filter((c) => c.kind === kind && c.value);
      for (const index of indexes) {
        const claimed = new Map<string, string>();
        for (const change of ofKind) {
          const key = index.spec.key(change.value!);
          if (key === undefined) {
            continue;
          }
          const other = claimed.get(key);
          if (other !== undefined && other !== change.id) {
            throw index.spec.conflict(change.value!, other);
          }
          claimed.set(key, change.id);
          const holder = index.holders.get(key);
          if (holder !== undefined && holder !== change.id) {
            const now = tx.find(kind, holder);
            if (now && index.spec.key(now) === key) {
              throw index.spec.conflict(change.value!, holder);
            }
          }
        }
      }
    }
  }
}

function changeKey(kind: string, id: string): string {
  return `${kind}\u0000${id}`;
}

/** One shared empty list: most back-reference lists are empty, and 10,000 objects × 5 lists add up. */
const EMPTY: readonly never[] = Object.freeze([]);

/** Stored objects are shared between transactions and readers: they are frozen, lists included. */
function freeze(object: Record<string, any>): StoredObject {
  const copy: Record<string, any> = {};
  for (const [key, value] of Object.entries(object)) {
    copy[key] = Array.isArray(value) ? (value.length === 0 ? EMPTY : Object.freeze([...value])) : value;
  }
  return Object.freeze(copy) as StoredObject;
}

function references(object: StoredObject, side: BindingSide): string[] {
  const value = object[side.field];
  if (side.list) {
    return Array.isArray(value) ? [...new Set(value as string[])] : [];
  }
  return typeof value === "string" ? [value] : [];
}

export interface DeleteOptions {
  /** Deleting an absent object is a no-op (MidoNet's `ignoresNeo`, used by the generic delete). */
  ignoreMissing?: boolean;
}

/** A copy-on-write view of the store; see Store.transact. */
export class Transaction {
  private readonly changes = new Map<string, Change>();

  constructor(private readonly store: Store) {}

  find(kind: string, id: string): StoredObject | undefined {
    const change = this.changes.get(changeKey(kind, id));
    if (change) {
      return change.value ?? undefined;
    }
    return this.store.get(kind, id);
  }

  /** The object, or 404 "There is no <kind> with ID <id>." */
  get(kind: string, id: string): StoredObject {
    const object = this.find(kind, id);
    if (!object) {
      throw notFoundError(kind, id);
    }
    return object;
  }

  exists(kind: string, id: string): boolean {
    return this.find(kind, id) !== undefined;
  }

  /** All objects of a kind, in storage order, as this transaction sees them. O(n): for list operations only. */
  list(kind: string): StoredObject[] {
    const out: StoredObject[] = [];
    for (const [id, object] of this.store.kind(kind)) {
      const change = this.changes.get(changeKey(kind, id));
      if (!change) {
        out.push(object);
      } else if (change.value) {
        out.push(change.value);
      }
    }
    for (const change of this.changes.values()) {
      if (change.kind === kind && change.value && !this.store.get(kind, change.id)) {
        out.push(change.value);
      }
    }
    return out;
  }

  /** The objects of `ids`, skipping missing ones (a child list in its parent's order). */
  getAll(kind: string, ids: readonly string[] | undefined): StoredObject[] {
    const out: StoredObject[] = [];
    for (const id of ids ?? []) {
      const object = this.find(kind, id);
      if (object) {
        out.push(object);
      }
    }
    return out;
  }

  /** The object holding `key` in the unique index `name` of `kind`. */
  findUnique(kind: string, name: string, key: string): StoredObject | undefined {
    const index = this.store.indexesOf(kind).find((i) => i.spec.name === name);
    if (!index) {
      throw new Error(`No unique index ${name} on ${kind}`);
    }
    for (const change of this.changes.values()) {
      if (change.kind === kind && change.value && index.spec.key(change.value) === key) {
        return change.value;
      }
    }
    const holder = index.holders.get(key);
    const object = holder === undefined ? undefined : this.find(kind, holder);
    return object && index.spec.key(object) === key ? object : undefined;
  }

  /** Creates an object (a random UUID when it has no id); 409 when the id exists; applies the bindings. */
  create(kind: string, object: Record<string, any>): StoredObject {
    const id = typeof object.id === "string" ? object.id : randomUUID();
    if (this.find(kind, id)) {
      throw objectExistsError(kind, id);
    }
    const stored = freeze({ ...object, id });
    this.write(kind, id, stored);
    for (const side of this.sides(kind)) {
      for (const thatId of references(stored, side)) {
        this.addBackReference(kind, id, side, thatId);
      }
    }
    return this.find(kind, id)!;
  }

  /** Replaces an object (404 when absent); back-references follow the changed forward references. */
  update(kind: string, object: Record<string, any> & { id: string }): StoredObject {
    const previous = this.get(kind, object.id);
    const stored = freeze(object);
    this.write(kind, object.id, stored);
    for (const side of this.sides(kind)) {
      const before = references(previous, side);
      const after = references(stored, side);
      for (const thatId of before) {
        if (!after.includes(thatId)) {
          this.clearBackReference(kind, object.id, side, thatId);
        }
      }
      for (const thatId of after) {
        if (!before.includes(thatId)) {
          this.addBackReference(kind, object.id, side, thatId);
        }
      }
    }
    return this.find(kind, object.id)!;
  }

  /** Deletes an object and applies the delete actions of its bindings (CASCADE, CLEAR, ERROR). */
  delete(kind: string, id: string, options: DeleteOptions = {}): void {
    const object = this.find(kind, id);
    if (!object) {
      if (options.ignoreMissing) {
        return;
      }
      throw notFoundError(kind, id);
    }
    // Marked deleted first, so that cascades coming back to it see it gone (as ZOOM's transaction does).
    this.write(kind, id, null);
    for (const remove of this.store.ownedState.get(kind) ?? []) {
      remove(this, object);
    }
    for (const side of this.sides(kind)) {
      for (const thatId of references(object, side)) {
        if (!this.find(side.other.kind, thatId)) {
          continue;
        }
        if (side.onDelete === "ERROR") {
          throw objectReferencedError(kind, side.other.kind, thatId);
        }
        if (side.onDelete === "CLEAR") {
          this.clearBackReference(kind, id, side, thatId);
        } else {
          this.delete(side.other.kind, thatId, { ignoreMissing: true });
        }
      }
    }
  }

  /** The next value of a named, persisted sequence (tunnel keys and the like), starting at 1. */
  nextSequence(name: string): number {
    const current = this.find(SEQUENCE_KIND, name);
    const value = ((current?.value as number | undefined) ?? 0) + 1;
    this.write(SEQUENCE_KIND, name, freeze({ id: name, value }));
    return value;
  }

  /** @internal */
  pendingChanges(): Change[] {
    return [...this.changes.values()];
  }

  private sides(kind: string): BindingSide[] {
    return this.store.bindings.get(kind) ?? [];
  }

  private write(kind: string, id: string, value: StoredObject | null): void {
    this.changes.set(changeKey(kind, id), { kind, id, value });
  }

  private addBackReference(thisKind: string, thisId: string, side: BindingSide, thatId: string): void {
    const { kind, field, list, protoField } = side.other;
    const that = this.find(kind, thatId);
    if (!that) {
      throw notFoundError(kind, thatId);
    }
    if (list) {
      const current = (that[field] as string[] | undefined) ?? [];
      if (!current.includes(thisId)) {
        this.write(kind, thatId, freeze({ ...that, [field]: [...current, thisId] }));
      }
      return;
    }
    const current = that[field] as string | null | undefined;
    if (current && current !== thisId) {
      throw referenceConflictError(kind, thatId, protoField, thisKind, current);
    }
    if (current !== thisId) {
      this.write(kind, thatId, freeze({ ...that, [field]: thisId }));
    }
  }

  private clearBackReference(_thisKind: string, thisId: string, side: BindingSide, thatId: string): void {
    const { kind, field, list } = side.other;
    const that = this.find(kind, thatId);
    if (!that) {
      return;
    }
    if (list) {
      const current = (that[field] as string[] | undefined) ?? [];
      if (current.includes(thisId)) {
        this.write(kind, thatId, freeze({ ...that, [field]: current.filter((id) => id !== thisId) }));
      }
    } else if (that[field] === thisId) {
      this.write(kind, thatId, freeze({ ...that, [field]: null }));
    }
  }
}
