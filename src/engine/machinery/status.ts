// metav1.Status errors with the reasons, codes and messages of k8s.io/apimachinery/pkg/api/errors.
import { aggregateMessage, errorBody, type FieldError } from "./field-errors";

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

export interface Status {
  kind: "Status";
  apiVersion: "v1";
  metadata: Record<string, never>;
  status: "Failure" | "Success";
  message?: string;
  reason?: string;
  details?: StatusDetails;
  code: number;
}

/** A handled error that knows how to become a Status response. */
export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: StatusDetails,
  ) {
    super(message);
  }

  toStatus(): Status {
    const s: Status = { kind: "Status", apiVersion: "v1", metadata: {}, status: "Failure", message: this.message, reason: this.reason, code: this.code };
    if (this.details) s.details = this.details;
    if (!this.reason) delete s.reason;
    return s;
  }
}

/** Identifies a resource in messages: `deployments.apps "web"`. */
export interface ResourceRef {
  group: string;
  resource: string; // plural
}

const qualified = (r: ResourceRef) => (r.group ? `${r.resource}.${r.group}` : r.resource);
const details = (r: ResourceRef, name: string, extra: Partial<StatusDetails> = {}): StatusDetails => {
  const d: StatusDetails = { name };
  if (r.group) d.group = r.group;
  d.kind = r.resource;
  return { ...d, ...extra };
};

export const notFound = (r: ResourceRef, name: string) =>
  new ApiError(404, "NotFound", `${qualified(r)} "${name}" not found`, details(r, name));

export const alreadyExists = (r: ResourceRef, name: string) =>
  new ApiError(409, "AlreadyExists", `${qualified(r)} "${name}" already exists`, details(r, name));

export const conflict = (r: ResourceRef, name: string, why: string) =>
  new ApiError(409, "Conflict", `Operation cannot be fulfilled on ${qualified(r)} "${name}": ${why}`, details(r, name));

export const OBJECT_MODIFIED = "the object has been modified; please apply your changes to the latest version and try again";

/** 422 Invalid, named by kind: `Deployment.apps "web" is invalid: ...`. */
export function invalid(group: string, kind: string, name: string, errs: readonly FieldError[]): ApiError {
  const qk = group ? `${kind}.${group}` : kind;
  const d: StatusDetails = { name };
  if (group) d.group = group;
  d.kind = kind;
  d.causes = errs.map((e) => ({ reason: e.type, message: errorBody(e), field: e.field }));
  return new ApiError(422, "Invalid", `${qk} "${name}" is invalid: ${aggregateMessage(errs)}`, d);
}

export const badRequest = (message: string) => new ApiError(400, "BadRequest", message);

export const forbidden = (r: ResourceRef, name: string, why: string) =>
  new ApiError(403, "Forbidden", `${qualified(r)} ${name ? `"${name}" ` : ""}is forbidden: ${why}`, details(r, name));

export const methodNotSupported = (r: ResourceRef, action: string) =>
  new ApiError(405, "MethodNotAllowed", `${action} is not supported on resources of kind "${qualified(r)}"`, { group: r.group || undefined, kind: r.resource });

export const notAllowed = () =>
  new ApiError(405, "MethodNotAllowed", "the server does not allow this method on the requested resource");

export const resourceNotFound = () => new ApiError(404, "NotFound", "the server could not find the requested resource", {});

export const unauthorized = () => new ApiError(401, "Unauthorized", "Unauthorized");

export const expired = (message: string) => new ApiError(410, "Expired", message);

export const tooLarge = (limitBytes: number) =>
  new ApiError(413, "RequestEntityTooLarge", `Request entity too large: limit is ${limitBytes}`);

export const unsupportedMediaType = (contentType: string) =>
  new ApiError(415, "UnsupportedMediaType", `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf`, {
    causes: [{ reason: "UnsupportedMediaType", message: contentType }],
  });

export const notAcceptable = () =>
  new ApiError(406, "NotAcceptable", "only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf");

export const tooManyRequests = (message: string) => new ApiError(429, "TooManyRequests", message, { retryAfterSeconds: 1 });

export function successStatus(r: ResourceRef, name: string, uid?: string): Record<string, unknown> {
  return {
    kind: "Status",
    apiVersion: "v1",
    metadata: {},
    status: "Success",
    details: { ...details(r, name), ...(uid ? { uid } : {}) },
  };
}
