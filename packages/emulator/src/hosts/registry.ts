/**
 * The MidoNet hosts the emulator pretends to run agents on. A host is a stored `Host` object (so ports can be bound
 * to it through the Port.host_id ↔ Host.port_ids binding, and it survives restarts with --state) plus run-time
 * state that MidoNet keeps in its state store and the emulator keeps here: alive, and the agent-reported interfaces.
 */
import { hostname } from "node:os";
import type { HostSpec, InterfaceSpec } from "../options.js";
import type { Store, StoredObject } from "../store/store.js";
import { systemInterfaces } from "./system-interfaces.js";

export const HOST_KIND = "Host";

interface HostState {
  alive: boolean;
  interfaces: InterfaceSpec[] | "system";
}

export class HostRegistry {
  private readonly state = new Map<string, HostState>();

  constructor(private readonly store: Store) {}

  /** Registers or updates a host (the stored object keeps its bindings and writable fields). */
  register(spec: HostSpec): Promise<void> | undefined {
    const previous = this.state.get(spec.id);
    this.state.set(spec.id, {
      alive: spec.alive ?? previous?.alive ?? true,
      interfaces: spec.interfaces ?? previous?.interfaces ?? [],
    });
    return this.store.transact((tx) => {
      const current = tx.find(HOST_KIND, spec.id);
      const name = spec.name ?? current?.name ?? spec.id;
      if (!current) {
        tx.create(HOST_KIND, {
          id: spec.id,
          name,
          floodingProxyWeight: 1,
          containerWeight: 1,
          containerLimit: -1,
          enforceContainerLimit: false,
          portIds: [],
          tunnelZoneIds: [],
        });
      } else if (current.name !== name) {
        tx.update(HOST_KIND, { ...current, name });
      }
    }).durable;
  }

  setAlive(id: string, alive: boolean): void {
    const state = this.state.get(id);
    if (state) {
      state.alive = alive;
    } else {
      this.state.set(id, { alive, interfaces: [] });
    }
  }

  /** Alive as MidoNet's state key says: false for a host no agent runs for. */
  isAlive(id: string): boolean {
    return this.state.get(id)?.alive ?? false;
  }

  /** The host's interfaces as its agent would report them now, with `hostId` set. */
  interfaces(id: string): Array<InterfaceSpec & { hostId: string }> {
    const configured = this.state.get(id)?.interfaces ?? [];
    const list = configured === "system" ? systemInterfaces() : configured;
    return list.map((entry) => ({ ...entry, hostId: id }));
  }

  /** All addresses of the host's interfaces (Host.addresses). */
  addresses(id: string): string[] {
    return this.interfaces(id).flatMap((entry) => entry.addresses ?? []);
  }

  stored(id: string): StoredObject | undefined {
    return this.store.get(HOST_KIND, id);
  }
}

/**
 * Normalizes `hosts` options: a string is an id; the first host is named after the machine and reports the
 * machine's interfaces, the others are named `<hostname>-<n>` with no interfaces unless given.
 */
export function normalizeHostSpecs(hosts: Array<string | HostSpec> | undefined): HostSpec[] {
  const machine = hostname();
  return (hosts ?? []).map((entry, index) => {
    const spec = typeof entry === "string" ? { id: entry } : entry;
    return {
      ...spec,
      name: spec.name ?? (index === 0 ? machine : `${machine}-${index}`),
      alive: spec.alive ?? true,
      interfaces: spec.interfaces ?? (index === 0 ? "system" : []),
    };
  });
}
