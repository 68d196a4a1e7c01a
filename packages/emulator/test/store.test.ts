// The store's transactions and binding table (reference §8, ZoomExceptions messages §10).
import { describe, expect, it } from "vitest";
import { HttpError } from "../src/http/errors.js";
import { Store } from "../src/store/store.js";
import { uuid } from "./helpers.js";

function status(fn: () => unknown): number | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as HttpError).status;
  }
}

describe("store bindings", () => {
  it("§8 Network.port_ids CASCADE / Port.network_id CLEAR: ports follow their bridge", () => {
    const store = new Store();
    store.transact((tx) => {
      tx.create("Network", { id: uuid(1), portIds: [] });
      tx.create("Port", { id: uuid(2), networkId: uuid(1) });
      tx.create("Dhcp", { id: uuid(3), networkId: uuid(1) });
    });
    expect(store.get("Network", uuid(1))?.portIds).toEqual([uuid(2)]);
    expect(store.get("Network", uuid(1))?.dhcpIds).toEqual([uuid(3)]);
    store.transact((tx) => tx.delete("Port", uuid(2)));
    expect(store.get("Network", uuid(1))?.portIds).toEqual([]);
    store.transact((tx) => tx.create("Port", { id: uuid(4), networkId: uuid(1) }));
    store.transact((tx) => tx.delete("Network", uuid(1)));
    expect(store.get("Port", uuid(4))).toBeUndefined();
    expect(store.get("Dhcp", uuid(3))).toBeUndefined();
  });

  it("§8 Port.peer_id is symmetric and cleared when a peer goes", () => {
    const store = new Store();
    store.transact((tx) => {
      tx.create("Port", { id: uuid(1) });
      tx.create("Port", { id: uuid(2), peerId: uuid(1) });
    });
    expect(store.get("Port", uuid(1))?.peerId).toBe(uuid(2));
    store.transact((tx) => tx.delete("Port", uuid(2)));
    expect(store.get("Port", uuid(1))?.peerId).toBeNull();
  });

  it("§8 Router.load_balancer_id ERROR refuses the delete with ZOOM's message", () => {
    const store = new Store();
    store.transact((tx) => {
      tx.create("LoadBalancer", { id: uuid(2) });
      tx.create("Router", { id: uuid(1), loadBalancerId: uuid(2) });
    });
    expect(store.get("LoadBalancer", uuid(2))?.routerId).toBe(uuid(1));
    try {
      store.transact((tx) => tx.delete("Router", uuid(1)));
      expect.unreachable();
    } catch (error) {
      expect((error as HttpError).status).toBe(409);
      expect((error as HttpError).message).toBe(
        `Cannot delete the Router with ID ${uuid(2)} because it is still referenced by the LoadBalancer with ID ${uuid(2)}.`,
      );
    }
    expect(store.get("Router", uuid(1))).toBeDefined();
  });

  it("§8 a second owner of a single back-reference is a 409 ReferenceConflict", () => {
    const store = new Store();
    store.transact((tx) => {
      tx.create("LoadBalancer", { id: uuid(3) });
      tx.create("Router", { id: uuid(1), loadBalancerId: uuid(3) });
    });
    expect(status(() => store.transact((tx) => tx.create("Router", { id: uuid(2), loadBalancerId: uuid(3) })))).toBe(
      409,
    );
    expect(store.get("Router", uuid(2))).toBeUndefined();
  });

  it("a failing transaction leaves nothing behind", () => {
    const store = new Store();
    expect(
      status(() =>
        store.transact((tx) => {
          tx.create("Network", { id: uuid(1) });
          tx.create("Port", { id: uuid(2), networkId: uuid(9) });
        }),
      ),
    ).toBe(404);
    expect(store.size()).toBe(0);
  });

  it("unique indexes refuse a second holder of a key, within and across transactions", () => {
    const store = new Store();
    store.defineUniqueIndex({
      kind: "TunnelZone",
      name: "name",
      key: (o) => o.name,
      conflict: () => new HttpError(409, "Tunnel zone name already exists."),
    });
    store.transact((tx) => tx.create("TunnelZone", { id: uuid(1), name: "a" }));
    expect(status(() => store.transact((tx) => tx.create("TunnelZone", { id: uuid(2), name: "a" })))).toBe(409);
    store.transact((tx) => tx.update("TunnelZone", { id: uuid(1), name: "b" }));
    store.transact((tx) => tx.create("TunnelZone", { id: uuid(2), name: "a" }));
    expect(store.transact((tx) => tx.findUnique("TunnelZone", "name", "b")?.id).result).toBe(uuid(1));
  });

  it("sequences count from 1 and survive in the store", () => {
    const store = new Store();
    expect(store.transact((tx) => tx.nextSequence("tunnelKey")).result).toBe(1);
    expect(store.transact((tx) => tx.nextSequence("tunnelKey")).result).toBe(2);
  });
});
