/**
 * Reading a rule body as MidoNet does (`MM/Rule.java`, `MM/Condition.java`, `MM/ForwardNatRule.java`,
 * `validation/FragmentTypeValidator.java`, `validation/RangeValidator.java`) and turning it into the stored rule.
 *
 * The stored rule is flat: the REST type (`accept`, `dnat`, ...), `chainId` (bound to `Chain.rule_ids`), the
 * condition fields and the type's own fields, as they read back after MidoNet's proto round trip.
 */
import { HttpError, type Violation } from "../../http/errors.js";
import { isIpv4 } from "../ports/model.js";
import type { RequestContext } from "../types.js";
import { readBody, throwViolations } from "./violations.js";

export const RULE_KIND = "Rule";

const FRAG_L4 = "For a rule with tpDst or tpSrc constraints, the fragmentPolicy must be 'header' or 'unfragmented'.";
const FRAG_NAT = "For a NAT rule with port constraints or multiple targets, the fragmentPolicy must be 'unfragmented'.";
/** `@ValidRange` has the message key `{midokura.javarx.RangeNotValid.message}`, absent from the properties file. */
const RANGE_NOT_VALID = "{midokura.javarx.RangeNotValid.message}";
/** `ForwardNatRule.natTargets = {}` with `@NotNull @Size(min = 1)`: an omitted list is empty, not null. */
const NAT_TARGETS_SIZE = "size must be between 1 and 2147483647";

const FORWARD_NAT = new Set(["dnat", "snat"]);

interface NatTarget {
  addressFrom?: string;
  addressTo?: string;
  portFrom?: number;
  portTo?: number;
}

type Range = { start?: unknown; end?: unknown } | undefined;

const isForwardNat = (body: Record<string, any>): boolean => FORWARD_NAT.has(body.type);

const hasL4Fields = (body: Record<string, any>): boolean => body.tpSrc != null || body.tpDst != null;

/** `ForwardNatRule.isFloatingIp`: one target, one address, no port translation. */
function isFloatingIp(body: Record<string, any>): boolean {
  const targets = (body.natTargets as NatTarget[] | undefined) ?? [];
  if (targets.length !== 1) {
    return false;
  }
  const [target] = targets as [NatTarget];
  return (target.addressFrom ?? null) === (target.addressTo ?? null) && !target.portFrom && !target.portTo;
}

/** `FragmentTypeValidator`: a class-level constraint, so its violation has an empty property path. */
function fragmentViolation(body: Record<string, any>): Violation | undefined {
  const policy = body.fragmentPolicy;
  if (policy === undefined || policy === null) {
    return undefined;
  }
  if (isForwardNat(body)) {
    const unfragmentedOnly = !isFloatingIp(body) || hasL4Fields(body);
    return unfragmentedOnly && policy !== "unfragmented" ? { property: "", message: FRAG_NAT } : undefined;
  }
  return hasL4Fields(body) && (policy === "any" || policy === "nonheader")
    ? { property: "", message: FRAG_L4 }
    : undefined;
}

/**
 * `RangeValidator` on `tpSrc`/`tpDst` (1..65535, start <= end, equal bounds allowed). A missing bound is unboxed
 * inside the validator; Hibernate Validator wraps the NullPointerException in a ValidationException, which `tryTx`
 * answers 500 with its message (coverage note 11).
 */
function rangeViolations(raw: Record<string, any>): Violation[] {
  const out: Violation[] = [];
  for (const property of ["tpSrc", "tpDst"]) {
    const range = raw[property] as Range | null;
    if (range === undefined || range === null || typeof range !== "object") {
      continue;
    }
    const { start, end } = range;
    if (typeof start !== "number" || typeof end !== "number") {
      throw new HttpError(500, "HV000028: Unexpected exception during isValid call.");
    }
    if (start > end || start < 1 || end > 0xffff) {
      out.push({ property, message: RANGE_NOT_VALID });
    }
  }
  return out;
}

/**
 * The validated rule body. MidoNet's `Rule.create()` runs before validation (position 0 becomes 1), and bean
 * validation reports the field violations and the class-level fragment-policy violation together.
 */
export function readRuleBody(ctx: RequestContext): Record<string, any> {
  const raw = (ctx.rawBody ?? {}) as Record<string, any>;
  const read = readBody(ctx);
  const violations = read.violations
    .filter((v) => !(v.property === "position" && raw.position === 0))
    .filter((v) => !(v.property === "tpSrc" || v.property === "tpDst"))
    .map((v) =>
      v.property === "natTargets" && v.message === "may not be null" && !("natTargets" in raw)
        ? { property: v.property, message: NAT_TARGETS_SIZE }
        : v,
    );
  const body = read.body;
  violations.push(...rangeViolations(raw));
  const fragment = fragmentViolation(body);
  if (fragment) {
    violations.push(fragment);
  }
  throwViolations(violations);
  return body;
}

/** `Condition.getAndValidateFragmentPolicy` / `ForwardNatRule`'s override: the stored policy when none is given. */
function defaultFragmentPolicy(body: Record<string, any>): string {
  if (isForwardNat(body)) {
    return !isFloatingIp(body) || hasL4Fields(body) ? "unfragmented" : "any";
  }
  return hasL4Fields(body) ? "header" : "any";
}

/** `IPAddr.fromString` in the NAT target converter: a bad address fails the proto conversion (500). */
function checkTargetAddress(value: unknown): void {
  if (value === undefined || value === null) {
    return;
  }
  if (typeof value !== "string" || !(isIpv4(value) || (/^[0-9A-Fa-f:.]+$/.test(value) && value.includes(":")))) {
    throw new HttpError(500, `${String(value)} is not a valid IP address`);
  }
}

/** Subnet fields read back through `IPSubnet`: without an address the length reads 0. */
const SUBNETS = [
  ["nwDstAddress", "nwDstLength"],
  ["nwSrcAddress", "nwSrcLength"],
  ["icmpDataSrcIpAddress", "icmpDataSrcIpLength"],
  ["icmpDataDstIpAddress", "icmpDataDstIpLength"],
] as const;

/** Fields of the REST model that are not proto fields (`position`, `meterName`, the trace rule's own). */
const NOT_STORED = ["position", "meterName", "requestId", "limit", "chainId", "uri"];

/** The stored rule for a validated body (`beforeToProto` of the rule and its condition). */
export function storedRule(body: Record<string, any>): Record<string, any> {
  const rule: Record<string, any> = { ...body };
  for (const field of NOT_STORED) {
    delete rule[field];
  }
  for (const [address, length] of SUBNETS) {
    if (rule[address] === undefined) {
      rule[length] = 0;
    }
  }
  for (const mask of ["dlSrcMask", "dlDstMask"]) {
    if (typeof rule[mask] === "string") {
      // MACMaskConverter: stored as a number, read back with MAC.maskToString (lower-case hex).
      rule[mask] = rule[mask].toLowerCase();
    }
  }
  rule.fragmentPolicy ??= defaultFragmentPolicy(rule);
  if (Array.isArray(rule.natTargets)) {
    rule.natTargets = (rule.natTargets as NatTarget[]).map((target) => {
      checkTargetAddress(target.addressFrom);
      checkTargetAddress(target.addressTo);
      return {
        addressFrom: target.addressFrom ?? null,
        addressTo: target.addressTo ?? null,
        portFrom: target.portFrom ?? 0,
        portTo: target.portTo ?? 0,
      };
    });
  }
  return rule;
}
