/**
 * `/login` is served by a servlet filter in front of everything (the server answers it before routing); these
 * handlers exist so that the document's login operations are covered and behave the same if routed.
 */
import { login as loginFilter } from "../../auth/login.js";
import type { Handler } from "../types.js";

export const login: Handler = (ctx) => loginFilter(ctx.auth, ctx.headers);
