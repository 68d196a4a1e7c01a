/**
 * The PoolMember JSON (reference §9.24, `MM/PoolMember.java`). `status` is computed on read like
 * `PoolMemberResource.getStatus`: only a stored `MONITORED` status is replaced — `INACTIVE` when the member is
 * administratively down, otherwise the agent-reported status key, which the emulator never has (no health-monitor
 * agent), so `NO_MONITOR`. The REST API itself only ever stores `ACTIVE`.
 */
import type { StoredObject } from "../../store/store.js";
import { defineView, ref } from "../view.js";

export const POOL_MEMBER_KIND = "PoolMember";

function memberStatus(member: StoredObject): unknown {
  if (member.status !== "MONITORED") {
    return member.status ?? "ACTIVE";
  }
  return member.adminStateUp ? "NO_MONITOR" : "INACTIVE";
}

export const poolMemberView = defineView({
  schema: "PoolMember",
  path: (member) => `/pool_members/${member.id}`,
  fields: {
    status: memberStatus,
    pool: ref("pools", "poolId"),
  },
});
