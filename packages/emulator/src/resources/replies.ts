/** The success replies of MidoNet's resources (reference §4). */
import type { Reply } from "../http/response.js";

/** 200 with a JSON body; the Content-Type is the negotiated one unless given. */
export const ok = (body: unknown, contentType?: string): Reply => ({ status: 200, body, contentType });

/** 201 Created, `Location` = the new object's absolute URI, no body. */
export const created = (location: string): Reply => ({ status: 201, headers: { location } });

/** 204 No Content (PUT, DELETE). */
export const noContent = (): Reply => ({ status: 204 });

/** Any status without a body (Host PUT/DELETE answer 200 with nothing, for instance). */
export const emptyReply = (status: number): Reply => ({ status });
