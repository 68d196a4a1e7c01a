/**
 * The storage layer's exceptions as MidoNet's REST layer answers them (`ZoomExceptions.scala`, mapped by
 * `MidonetResource.tryTx`: NotFound 404, ObjectExists/ObjectReferenced/ReferenceConflict 409). `kind` is always the
 * proto class name (Network, Port, ...), never the REST name.
 */
import { HttpError } from "../http/errors.js";

export function notFoundError(kind: string, id: string): HttpError {
  return new HttpError(404, `There is no ${kind} with ID ${id}.`);
}

export function objectExistsError(kind: string, id: string): HttpError {
  return new HttpError(409, `A(n) ${kind} with ID ${id} already exists.`);
}

/**
 * MidoNet formats this message with the referencing object's id in both places (a bug of ZoomExceptions kept here
 * on purpose, so clients see the very same text).
 */
export function objectReferencedError(kind: string, referencingKind: string, referencingId: string): HttpError {
  return new HttpError(
    409,
    `Cannot delete the ${kind} with ID ${referencingId} because it is still referenced by the ${referencingKind} with ID ${referencingId}.`,
  );
}

export function referenceConflictError(
  referencingKind: string,
  referencingId: string,
  field: string,
  referencedKind: string,
  referencedId: string,
): HttpError {
  return new HttpError(
    409,
    `Operation failed because the ${referencingKind} with ID ${referencingId} already references the ${referencedKind} with ID ${referencedId} via the field ${field}. This field can accommodate only one reference.`,
  );
}
