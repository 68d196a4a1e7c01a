// Chains and rules: /chains, /chains/{id}, /chains/{id}/rules, /rules/{id} (reference §7.1, §7.2, §8, §9.7, §9.8;
// RS/ChainResource.scala, RS/RuleResource.scala, MM/Rule.java, MM/Condition.java, MM/ForwardNatRule.java,
// validation/FragmentTypeValidator.java, validation/RangeValidator.java).
import { describe, expect, it } from "vitest";
import { TestEmulator, uuid } from "./helpers.js";

const emu = TestEmulator.forSuite();
const { create, getJson: get } = emu;

const ruleIds = async (chain: string) => (await get(`/chains/${chain}/rules`)).map((r: any) => r.id);

describe("chains (§7.1, §9.7)", () => {
  it("create: 201 + Location; fields and the rules link; tenant_id filter", async () => {
    const res = await emu.api("POST", "/chains", { body: { name: "c1", tenantId: "chain-tenant" } });
    expect(res.status).toBe(201);
    const location = String(res.headers.location);
    expect(location).toMatch(new RegExp(`^${emu.url}/chains/[0-9a-f-]{36}$`));
    const id = location.split("/").pop();
    expect(await get(`/chains/${id}`)).toEqual({
      id,
      tenantId: "chain-tenant",
      name: "c1",
      uri: location,
      rules: `${location}/rules`,
    });
    await create("/chains", { name: "c2", tenantId: "other" });
    expect((await get("/chains?tenant_id=chain-tenant")).map((c: any) => c.name)).toEqual(["c1"]);
  });

  it("a missing chain answers 404 on GET, DELETE and its rule list", async () => {
    const missing = uuid(940);
    for (const [method, path] of [
      ["GET", `/chains/${missing}`],
      ["DELETE", `/chains/${missing}`],
      ["GET", `/chains/${missing}/rules`],
    ] as const) {
      const res = await emu.api(method, path);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.json.message).toBe(`There is no Chain with ID ${missing}.`);
    }
  });

  it("§8 delete removes its rules and clears the filters that use it", async () => {
    const chain = await create("/chains");
    const rule = await create(`/chains/${chain}/rules`, { type: "drop" });
    const router = await create("/routers", { inboundFilterId: chain, localRedirectChainId: chain });
    const bridge = await emu.createBridge({ outboundFilterId: chain });
    expect((await emu.api("DELETE", `/chains/${chain}`)).status).toBe(204);
    expect((await emu.api("GET", `/rules/${rule}`)).status).toBe(404);
    expect(await get(`/routers/${router}`)).toMatchObject({ inboundFilterId: null, localRedirectChainId: null });
    expect((await get(`/bridges/${bridge}`)).outboundFilterId).toBe(null);
  });

  it("delete also deletes the jump rules of other chains that target it", async () => {
    const target = await create("/chains");
    const source = await create("/chains");
    const before = await create(`/chains/${source}/rules`, { type: "accept" });
    const jump = await create(`/chains/${source}/rules`, { type: "jump", jumpChainId: target, position: 2 });
    expect((await emu.api("DELETE", `/chains/${target}`)).status).toBe(204);
    expect((await emu.api("GET", `/rules/${jump}`)).status).toBe(404);
    expect(await ruleIds(source)).toEqual([before]);
  });
});

describe("rule positions (ChainRuleResource.createFilter, RuleResource.getFilter)", () => {
  it("inserts at the 1-based position; list and GET report the current index", async () => {
    const chain = await create("/chains");
    const a = await create(`/chains/${chain}/rules`, { type: "accept" });
    const b = await create(`/chains/${chain}/rules`, { type: "drop", position: 2 });
    const c = await create(`/chains/${chain}/rules`, { type: "reject", position: 1 });
    const d = await create(`/chains/${chain}/rules`, { type: "return", position: 0 });
    expect(await ruleIds(chain)).toEqual([d, c, a, b]);
    expect((await get(`/chains/${chain}/rules`)).map((r: any) => r.position)).toEqual([1, 2, 3, 4]);
    expect((await get(`/rules/${b}`)).position).toBe(4);
    expect((await emu.api("DELETE", `/rules/${c}`)).status).toBe(204);
    expect((await get(`/rules/${b}`)).position).toBe(3);
    expect(await ruleIds(chain)).toEqual([d, a, b]);
  });

  it.each([
    { ref: "beyond n + 1", position: 3, status: 400, message: "Position exceeds number of rules in chain" },
    { ref: "n + 1 appends", position: 2, status: 201 },
  ])("position $ref → $status", async (c) => {
    const chain = await create("/chains");
    await create(`/chains/${chain}/rules`, { type: "accept" });
    const res = await emu.api("POST", `/chains/${chain}/rules`, { body: { type: "drop", position: c.position } });
    expect(res.status).toBe(c.status);
    if (c.message) {
      expect(res.json).toEqual({ message: c.message, code: 400 });
      expect((await get(`/chains/${chain}/rules`)).length).toBe(1);
    }
  });

  it("a negative position is a violation; a missing chain answers 404; a duplicate id 409", async () => {
    const chain = await create("/chains");
    const neg = await emu.api("POST", `/chains/${chain}/rules`, { body: { type: "drop", position: -1 } });
    expect(neg.status).toBe(400);
    expect(neg.json.violations).toEqual([{ property: "position", message: "must be greater than or equal to 1" }]);
    const missing = await emu.api("POST", `/chains/${uuid(941)}/rules`, { body: { type: "drop" } });
    expect(missing.status).toBe(404);
    expect(missing.json.message).toBe(`There is no Chain with ID ${uuid(941)}.`);
    const id = uuid(942);
    await create(`/chains/${chain}/rules`, { id, type: "drop" });
    const dup = await emu.api("POST", `/chains/${chain}/rules`, { body: { id, type: "drop" } });
    expect(dup.status).toBe(409);
    expect(dup.json.message).toBe(`A(n) Rule with ID ${id} already exists.`);
  });

  it("DELETE /rules/{id}: 204, then 404 for the missing rule", async () => {
    const chain = await create("/chains");
    const id = await create(`/chains/${chain}/rules`, { type: "drop" });
    expect((await emu.api("DELETE", `/rules/${id}`)).status).toBe(204);
    const again = await emu.api("DELETE", `/rules/${id}`);
    expect(again.status).toBe(404);
    expect(again.json.message).toBe(`There is no Rule with ID ${id}.`);
  });
});

describe("rule JSON (§9.8)", () => {
  it("a literal rule has every condition field, its uri, chainId, position and defaults", async () => {
    const chain = await create("/chains");
    const id = await create(`/chains/${chain}/rules`, {
      type: "accept",
      nwSrcAddress: "10.0.0.0",
      nwSrcLength: 8,
      nwDstLength: 24,
      dlSrc: "0:1:2:aa:bb:cc",
      dlSrcMask: "FFFF.FF00.0000",
      tpDst: { start: 80, end: 80 },
      inPorts: [uuid(943)],
      meterName: "m",
    });
    const rule = await get(`/rules/${id}`);
    expect(rule).toMatchObject({
      type: "accept",
      id,
      chainId: chain,
      position: 1,
      uri: `${emu.url}/rules/${id}`,
      meterName: null,
      nwSrcAddress: "10.0.0.0",
      nwSrcLength: 8,
      nwDstAddress: null,
      nwDstLength: 0,
      dlSrc: "0:1:2:aa:bb:cc",
      dlSrcMask: "ffff.ff00.0000",
      dlDstMask: null,
      tpDst: { start: 80, end: 80 },
      tpSrc: null,
      fragmentPolicy: "header",
      inPorts: [uuid(943)],
      outPorts: [],
      condInvert: false,
      vlan: null,
    });
    expect(Object.keys(rule)).toContain("icmpDataDstIpAddress");
  });

  it.each([
    { ref: "literal without ports", body: { type: "drop" }, policy: "any" },
    { ref: "literal with tpSrc", body: { type: "drop", tpSrc: { start: 1, end: 2 } }, policy: "header" },
    { ref: "given policy kept", body: { type: "drop", fragmentPolicy: "nonheader" }, policy: "nonheader" },
    {
      ref: "dnat floating IP",
      body: { type: "dnat", flowAction: "accept", natTargets: [{ addressFrom: "1.1.1.1", addressTo: "1.1.1.1" }] },
      policy: "any",
    },
    {
      ref: "snat with ports",
      body: {
        type: "snat",
        flowAction: "accept",
        natTargets: [{ addressFrom: "1.1.1.1", addressTo: "1.1.1.1", portFrom: 1000, portTo: 2000 }],
      },
      policy: "unfragmented",
    },
    { ref: "rev_snat (no targets)", body: { type: "rev_snat", flowAction: "continue" }, policy: "any" },
  ])("default fragmentPolicy, $ref → $policy", async (c) => {
    const chain = await create("/chains");
    const id = await create(`/chains/${chain}/rules`, c.body);
    expect((await get(`/rules/${id}`)).fragmentPolicy).toBe(c.policy);
  });

  it("type-specific fields: NAT targets and flowAction, jump, l2_transform, trace", async () => {
    const chain = await create("/chains");
    const target = await create("/chains");
    const dnat = await create(`/chains/${chain}/rules`, {
      type: "dnat",
      flowAction: "return",
      natTargets: [{ addressFrom: "10.0.0.1", addressTo: "10.0.0.9", portFrom: 80, portTo: 81 }],
    });
    expect(await get(`/rules/${dnat}`)).toMatchObject({
      type: "dnat",
      flowAction: "return",
      natTargets: [{ addressFrom: "10.0.0.1", addressTo: "10.0.0.9", portFrom: 80, portTo: 81 }],
    });
    const jump = await create(`/chains/${chain}/rules`, { type: "jump", jumpChainId: target, jumpChainName: "t" });
    expect(await get(`/rules/${jump}`)).toMatchObject({ type: "jump", jumpChainId: target, jumpChainName: "t" });
    const l2 = await create(`/chains/${chain}/rules`, {
      type: "l2_transform",
      flowAction: "redirect",
      pushVlan: 10,
      targetPortId: uuid(944),
    });
    expect(await get(`/rules/${l2}`)).toMatchObject({
      flowAction: "redirect",
      popVlan: false,
      pushVlan: 10,
      targetPortId: uuid(944),
      ingress: false,
      failOpen: false,
    });
    const trace = await create(`/chains/${chain}/rules`, { type: "trace", requestId: uuid(945), limit: 5 });
    expect(await get(`/rules/${trace}`)).toMatchObject({ type: "trace", requestId: null, limit: 0 });
  });
});

describe("jump rules (ChainRuleResource.updateJumpChain, RuleResource.deleteFilter)", () => {
  it("jumpChainId is mandatory and must exist (nothing is created otherwise)", async () => {
    const chain = await create("/chains");
    const none = await emu.api("POST", `/chains/${chain}/rules`, { body: { type: "jump" } });
    expect(none.status).toBe(400);
    expect(none.json.violations).toEqual([{ property: "jumpChainId", message: "may not be null" }]);
    const missing = await emu.api("POST", `/chains/${chain}/rules`, { body: { type: "jump", jumpChainId: uuid(946) } });
    expect(missing.status).toBe(404);
    expect(missing.json.message).toBe(`There is no Chain with ID ${uuid(946)}.`);
    expect(await get(`/chains/${chain}/rules`)).toEqual([]);
  });

  it("a jump rule deleted through /rules/{id} no longer blocks the target's delete", async () => {
    const target = await create("/chains");
    const source = await create("/chains");
    const jump = await create(`/chains/${source}/rules`, { type: "jump", jumpChainId: target });
    expect((await emu.api("DELETE", `/rules/${jump}`)).status).toBe(204);
    expect((await emu.api("DELETE", `/chains/${target}`)).status).toBe(204);
    expect((await emu.api("GET", `/chains/${source}`)).status).toBe(200);
  });

  it("a jump rule deleted with its own chain stays listed on the target, whose delete then answers 404", async () => {
    // No storage binding on jump_chain_id: the cascade from the source chain leaves the target's jumpRuleIds stale.
    const target = await create("/chains");
    const source = await create("/chains");
    const jump = await create(`/chains/${source}/rules`, { type: "jump", jumpChainId: target });
    expect((await emu.api("DELETE", `/chains/${source}`)).status).toBe(204);
    const res = await emu.api("DELETE", `/chains/${target}`);
    expect(res.status).toBe(404);
    expect(res.json.message).toBe(`There is no Rule with ID ${jump}.`);
  });
});

describe("rule validation (MM/Condition.java, MM/NatRule.java, validation/*)", () => {
  const L4 = "For a rule with tpDst or tpSrc constraints, the fragmentPolicy must be 'header' or 'unfragmented'.";
  const NAT = "For a NAT rule with port constraints or multiple targets, the fragmentPolicy must be 'unfragmented'.";
  const MAC = "MAC address string must be 6 words of 1 or 2 hex digits joined with 5 ':'";
  const MASK =
    'MAC mask must consist of three sets of four hexadecimal digits separated by periods, e.g. "ffff.ff00.0000".';
  const RANGE = "{midokura.javarx.RangeNotValid.message}";
  const target = (from: string, to = from, portFrom = 0, portTo = 0) => ({
    addressFrom: from,
    addressTo: to,
    portFrom,
    portTo,
  });

  it.each([
    { ref: "dlSrc not a MAC", body: { type: "drop", dlSrc: "aa-bb-cc-dd-ee-ff" }, violations: [["dlSrc", MAC]] },
    { ref: "dlDst with 3-digit words", body: { type: "drop", dlDst: "aaa:b:c:d:e:f" }, violations: [["dlDst", MAC]] },
    {
      ref: "dlSrcMask not xxxx.xxxx.xxxx",
      body: { type: "drop", dlSrcMask: "ff:ff:ff:00:00:00" },
      violations: [["dlSrcMask", MASK]],
    },
    { ref: "dlDstMask short", body: { type: "drop", dlDstMask: "ffff.ff00" }, violations: [["dlDstMask", MASK]] },
    { ref: "tpSrc start 0", body: { type: "drop", tpSrc: { start: 0, end: 10 } }, violations: [["tpSrc", RANGE]] },
    { ref: "tpDst start > end", body: { type: "drop", tpDst: { start: 90, end: 80 } }, violations: [["tpDst", RANGE]] },
    {
      ref: "tpDst end above 65535",
      body: { type: "drop", tpDst: { start: 1, end: 65536 } },
      violations: [["tpDst", RANGE]],
    },
    {
      ref: "nwSrcAddress",
      body: { type: "drop", nwSrcAddress: "10.0.0" },
      violations: [["nwSrcAddress", "is an invalid IP format"]],
    },
    {
      ref: "dlType below 0x600",
      body: { type: "drop", dlType: 0x5ff },
      violations: [["dlType", "must be greater than or equal to 1536"]],
    },
    {
      ref: "any with tpDst",
      body: { type: "drop", tpDst: { start: 80, end: 80 }, fragmentPolicy: "any" },
      violations: [["", L4]],
    },
    {
      ref: "nonheader with tpSrc",
      body: { type: "drop", tpSrc: { start: 80, end: 80 }, fragmentPolicy: "nonheader" },
      violations: [["", L4]],
    },
    {
      ref: "fragment and MAC together",
      body: { type: "drop", tpSrc: { start: 1, end: 2 }, fragmentPolicy: "any", dlSrc: "x" },
      violations: [
        ["", L4],
        ["dlSrc", MAC],
      ],
    },
    {
      ref: "dnat without natTargets",
      body: { type: "dnat", flowAction: "accept" },
      violations: [["natTargets", "size must be between 1 and 2147483647"]],
    },
    {
      ref: "dnat with empty natTargets",
      body: { type: "dnat", flowAction: "accept", natTargets: [] },
      violations: [["natTargets", "size must be between 1 and 2147483647"]],
    },
    {
      ref: "snat without flowAction",
      body: { type: "snat", natTargets: [target("1.1.1.1")] },
      violations: [["flowAction", "may not be null"]],
    },
    {
      ref: "snat flowAction drop",
      body: { type: "snat", flowAction: "drop", natTargets: [target("1.1.1.1")] },
      violations: [["flowAction", 'must match "accept|continue|return"']],
    },
    {
      ref: "l2_transform flowAction continue",
      body: { type: "l2_transform", flowAction: "continue" },
      violations: [["flowAction", 'must match "accept|redirect"']],
    },
    {
      ref: "dnat range + any",
      body: { type: "dnat", flowAction: "accept", natTargets: [target("1.1.1.1", "1.1.1.9")], fragmentPolicy: "any" },
      violations: [["", NAT]],
    },
    {
      ref: "dnat two targets + header",
      body: {
        type: "dnat",
        flowAction: "accept",
        natTargets: [target("1.1.1.1"), target("1.1.1.2")],
        fragmentPolicy: "header",
      },
      violations: [["", NAT]],
    },
    {
      ref: "snat floating IP + tpDst + any",
      body: {
        type: "snat",
        flowAction: "accept",
        natTargets: [target("1.1.1.1")],
        tpDst: { start: 1, end: 1 },
        fragmentPolicy: "any",
      },
      violations: [["", NAT]],
    },
    { ref: "trace without requestId", body: { type: "trace" }, violations: [["requestId", "may not be null"]] },
  ])("$ref → 400 violations", async (c) => {
    const chain = await create("/chains");
    const res = await emu.api("POST", `/chains/${chain}/rules`, { body: c.body });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      message: "Validation error(s) found",
      code: 400,
      violations: c.violations.map(([property, message]) => ({ property, message })),
    });
    expect(await get(`/chains/${chain}/rules`)).toEqual([]);
  });

  it.each([
    {
      ref: "floating-IP dnat with any",
      body: { type: "dnat", flowAction: "accept", natTargets: [target("1.1.1.1")], fragmentPolicy: "any" },
    },
    {
      ref: "dnat range with unfragmented",
      body: {
        type: "dnat",
        flowAction: "accept",
        natTargets: [target("1.1.1.1", "1.1.1.9")],
        fragmentPolicy: "unfragmented",
      },
    },
    { ref: "header with tpDst", body: { type: "drop", tpDst: { start: 80, end: 80 }, fragmentPolicy: "header" } },
    { ref: "MAC with 1-digit words", body: { type: "drop", dlDst: "a:b:c:d:e:f" } },
    { ref: "dlType 0x800", body: { type: "drop", dlType: 0x800 } },
  ])("accepted: $ref", async (c) => {
    const chain = await create("/chains");
    expect((await emu.api("POST", `/chains/${chain}/rules`, { body: c.body })).status).toBe(201);
  });

  it("a range with a missing bound fails inside the validator (500)", async () => {
    const chain = await create("/chains");
    const res = await emu.api("POST", `/chains/${chain}/rules`, { body: { type: "drop", tpSrc: { start: 80 } } });
    expect(res.status).toBe(500);
  });

  it("an unknown type or a missing type is a JSON mapping error (400, no violations)", async () => {
    const chain = await create("/chains");
    for (const body of [{ type: "continue" }, {}]) {
      const res = await emu.api("POST", `/chains/${chain}/rules`, { body });
      expect(res.status).toBe(400);
      expect(res.json.violations).toBeUndefined();
    }
  });

  it("a NAT target that is not an IP address fails when stored (500) and nothing is created", async () => {
    const chain = await create("/chains");
    const res = await emu.api("POST", `/chains/${chain}/rules`, {
      body: { type: "dnat", flowAction: "accept", natTargets: [target("not-an-ip")] },
    });
    expect(res.status).toBe(500);
    expect(await get(`/chains/${chain}/rules`)).toEqual([]);
  });
});
