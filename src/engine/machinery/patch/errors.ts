// Errors of the PATCH verb, with the HTTP codes, reasons and messages the real API server
// (k8s.io/apiserver v0.32, pkg/endpoints/handlers/patch.go) answers with.
//
// Which failure gets which code, as the real handler decides it:
//
// | failure                                                        | code | reason                | Status.message                                                   |
// |----------------------------------------------------------------|------|-----------------------|------------------------------------------------------------------|
// | Content-Type not a patch type (negotiation)                    | 415  | UnsupportedMediaType  | the body of the request was in an unknown format - accepted ...  |
// | json-patch body not a list of operations (UnmarshalStrict)     | 400  | BadRequest            | error decoding patch: json: cannot unmarshal ...                 |
// | json-patch with more than 10000 operations                     | 413  | RequestEntityTooLarge | Request entity too large: The allowed maximum operations ...     |
// | json-patch operation fails (test failed, missing path, ...)    | 422  | Invalid               | the server rejected our request due to an error in our request   |
// |   (NewGenericServerResponse(422, ...): the evanphx text is NOT sent; details is `{}`)                                                      |
// | merge-patch body not an object                                 | 400  | BadRequest            | error decoding patch: json: cannot unmarshal ...                 |
// | merge-patch body `null` (jsonpatch.ErrBadJSONPatch)            | 400  | BadRequest            | Invalid JSON Patch                                               |
// | strategic body not an object                                   | 400  | BadRequest            | json: cannot unmarshal ... into Go value of type map[string]...  |
// | strategic: mergepatch.ErrBadJSONDoc, ErrBadPatchFormatFor-     | 400  | BadRequest            | the sentinel text, e.g. `invalid patch format of retainKeys`     |
// |   PrimitiveList/-RetainKeys/-SetElementOrderList, ErrUnsupportedStrategicMergePatchFormat                                                  |
// | strategic: ErrNoListOfLists, ErrPatchContentNotMatchRetainKeys | 422  | Invalid               | the server rejected our request due to an error in our request   |
// | strategic: any other error (missing merge key, bad `$patch`    | 500  | (none)                | the raw Go error text, e.g. `map: map[image:x] does not contain  |
// |   value, "merging lists cannot yet be specified in the patch") |      |                       |   declared merge key: name` (kubectl: "Error from server: ...")  |
// | patched document cannot be decoded into the kind (e.g. a json  | 422  | Invalid               | ` "" is invalid: patch: Invalid value: "<json>": <decode error>` |
// |   patch that turns the object into an array)                   |      |                       |                                                                  |
//
// interpretStrategicMergePatchError compares errors with `==`, so only the bare sentinel errors of
// k8s.io/apimachinery/pkg/util/mergepatch get 400/422; everything else is not a StatusError and
// responsewriters.ErrorToAPIStatus turns it into a 500 with an empty reason and the raw text.
//
// Not real-server behaviour, our own guard: a patch body nested deeper than the engine's document
// depth limit is answered 400 BadRequest, like an undecodable body (Go's JSON decoder answers
// "exceeded max depth" only at 10000 levels).
import { ApiError, type StatusCause, type StatusDetails } from "../status";

export type PatchErrorCode = 400 | 413 | 415 | 422 | 500;

/** The generic text of NewGenericServerResponse(422, ...): all a client sees of a failed json patch op. */
export const GENERIC_422_MESSAGE = "the server rejected our request due to an error in our request";

const DEFAULT_REASON: Record<PatchErrorCode, string> = {
  400: "BadRequest",
  413: "RequestEntityTooLarge",
  415: "UnsupportedMediaType",
  422: "Invalid",
  500: "",
};

export interface PatchErrorOptions {
  /** The underlying library error text (evanphx/json-patch, strategicpatch), for logs and tests. Defaults to `message`. */
  detail?: string;
  reason?: string;
  details?: StatusDetails;
}

/**
 * A PATCH failure. `message` is what the real server puts in `Status.message`; `detail` is the text
 * of the underlying Go library error (for a failed json patch op the server hides it behind the
 * generic 422 text). An `ApiError`, so `toStatus()` renders the exact Status body.
 */
export class PatchError extends ApiError {
  declare readonly code: PatchErrorCode;
  readonly detail: string;

  constructor(message: string, code: PatchErrorCode = 422, opts: PatchErrorOptions = {}) {
    super(code, opts.reason ?? DEFAULT_REASON[code], message, opts.details ?? (code === 422 ? {} : undefined));
    this.name = "PatchError";
    this.detail = opts.detail ?? message;
  }

  /** errors.NewBadRequest(text). */
  static badRequest(text: string): PatchError {
    return new PatchError(text, 400);
  }

  /** errors.NewGenericServerResponse(422, "", GroupResource{}, "", text, 0, false): the text is only kept as `detail`. */
  static unprocessable(detail: string): PatchError {
    return new PatchError(GENERIC_422_MESSAGE, 422, { detail, details: {} });
  }

  /** errors.NewRequestEntityTooLargeError(text). */
  static tooLarge(text: string): PatchError {
    return new PatchError(`Request entity too large: ${text}`, 413, { detail: text });
  }

  /** negotiation.NewUnsupportedMediaTypeError(accepted). */
  static unsupportedMediaType(accepted: readonly string[]): PatchError {
    return new PatchError(`the body of the request was in an unknown format - accepted media types include: ${accepted.join(", ")}`, 415);
  }

  /** A plain Go error that reaches ErrorToAPIStatus: 500, no reason, the raw text. */
  static internal(text: string): PatchError {
    return new PatchError(text, 500);
  }

  /**
   * errors.NewInvalid(schema.GroupKind{}, "", field.ErrorList{field.Invalid(field.NewPath("patch"), patchedJSON, detail)}):
   * what the handler answers when the patched document does not decode into the kind.
   */
  static invalidPatchedObject(patchedJSON: string, detail: string): PatchError {
    const body = `Invalid value: ${JSON.stringify(patchedJSON)}: ${detail}`;
    const cause: StatusCause = { reason: "FieldValueInvalid", message: body, field: "patch" };
    return new PatchError(` "" is invalid: patch: ${body}`, 422, { detail, details: { causes: [cause] } });
  }
}
