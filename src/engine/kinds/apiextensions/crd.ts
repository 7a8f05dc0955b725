// apiextensions.k8s.io/v1 CustomResourceDefinition (Kubernetes 1.32): types.go schema, the v1
// defaults, the strategy (generation, storedVersions) with the naming and establishing controllers'
// status folded in (NamesAccepted / Established), the common checks of
// ValidateCustomResourceDefinition/Update, and the default table (NAME CREATED AT).
//
// kindDefFromCrd() turns one served version of a CRD into a KindDef, so the API server can serve
// custom resources generically: a zod schema converted from openAPIV3Schema, structural defaulting,
// validation with the CRD validator's messages, additionalPrinterColumns, the status/scale
// subresources and selectable fields.
import { z } from "zod";
import type { Cell, ColumnDefinition, KindDef, KubeObject } from "../types";
import { API_VERSION_DESC, KIND_DESC, anyJson, bool, int, int64, kindSchema, list, num, obj, str, strEnum, strList, time } from "../schema";
import { ObjectMeta } from "../common/meta";
import { AGE_DESC, NAME_DESC, col } from "../common/print";
import {
  child,
  forbidden,
  GoValue,
  goQuote,
  index,
  invalid,
  key,
  notSupported,
  required,
  tooLong,
  tooMany,
  fieldErrorString,
  type FieldError,
} from "../../machinery/field-errors";
import { isDNS1035Label, isDNS1123Subdomain, utf8Length } from "../../machinery/names";
import { parseRfc3339, rfc3339 } from "../../machinery/time";
import { humanDuration } from "../../machinery/duration";
import { createdAt, createdAtColumns } from "../rbac/role";

export const APIEXTENSIONS_GROUP = "apiextensions.k8s.io";
export const CRD_RESOURCE = "customresourcedefinitions.apiextensions.k8s.io";

/** The JSON of a JSONSchemaProps (only the members this file reads are typed). */
export interface JSONSchemaPropsT {
  type?: string;
  format?: string;
  description?: string;
  title?: string;
  default?: unknown;
  enum?: unknown[];
  maximum?: number;
  exclusiveMaximum?: boolean;
  minimum?: number;
  exclusiveMinimum?: boolean;
  maxLength?: number;
  minLength?: number;
  pattern?: string;
  maxItems?: number;
  minItems?: number;
  multipleOf?: number;
  maxProperties?: number;
  minProperties?: number;
  required?: string[];
  items?: JSONSchemaPropsT | JSONSchemaPropsT[];
  properties?: Record<string, JSONSchemaPropsT>;
  additionalProperties?: JSONSchemaPropsT | boolean;
  nullable?: boolean;
  allOf?: JSONSchemaPropsT[];
  anyOf?: JSONSchemaPropsT[];
  oneOf?: JSONSchemaPropsT[];
  not?: JSONSchemaPropsT;
  id?: string;
  $ref?: string;
  additionalItems?: unknown;
  patternProperties?: Record<string, JSONSchemaPropsT>;
  definitions?: Record<string, JSONSchemaPropsT>;
  dependencies?: Record<string, unknown>;
  "x-kubernetes-preserve-unknown-fields"?: boolean;
  "x-kubernetes-embedded-resource"?: boolean;
  "x-kubernetes-int-or-string"?: boolean;
  "x-kubernetes-list-map-keys"?: string[];
  "x-kubernetes-list-type"?: string;
  "x-kubernetes-map-type"?: string;
  "x-kubernetes-validations"?: unknown[];
}

export interface CRDNames {
  plural?: string;
  singular?: string;
  shortNames?: string[];
  kind?: string;
  listKind?: string;
  categories?: string[];
}

export interface CRDColumn {
  name?: string;
  type?: string;
  format?: string;
  description?: string;
  priority?: number;
  jsonPath?: string;
}

export interface CRDVersion {
  name: string;
  served?: boolean;
  storage?: boolean;
  deprecated?: boolean;
  deprecationWarning?: string;
  schema?: { openAPIV3Schema?: JSONSchemaPropsT };
  subresources?: { status?: Record<string, never>; scale?: { specReplicasPath?: string; statusReplicasPath?: string; labelSelectorPath?: string } };
  additionalPrinterColumns?: CRDColumn[];
  selectableFields?: Array<{ jsonPath?: string }>;
}

export interface CRDCondition {
  type: string;
  status: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export interface CustomResourceDefinition extends KubeObject {
  spec?: {
    group?: string;
    names?: CRDNames;
    scope?: string;
    versions?: CRDVersion[];
    conversion?: {
      strategy?: string;
      webhook?: { clientConfig?: { url?: string; service?: { namespace?: string; name?: string; path?: string; port?: number }; caBundle?: string }; conversionReviewVersions?: string[] };
    };
    preserveUnknownFields?: boolean;
  };
  status?: {
    conditions?: CRDCondition[];
    acceptedNames?: CRDNames;
    storedVersions?: string[];
  };
}

export const ServiceReference = obj(
  {
    name: str("name is the name of the service. Required"),
    namespace: str("namespace is the namespace of the service. Required"),
    path: str("path is an optional URL path at which the webhook will be contacted."),
    port: int("port is an optional service port at which the webhook will be contacted. `port` should be a valid port number (1-65535, inclusive). Defaults to 443 for backward compatibility."),
  },
  { id: "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.ServiceReference", desc: "ServiceReference holds a reference to Service.legacy.k8s.io", required: ["name", "namespace"] },
);

export const WebhookClientConfig = obj(
  {
    caBundle: z.string().meta({ format: "byte" }).describe("caBundle is a PEM encoded CA bundle which will be used to validate the webhook's server certificate. If unspecified, system trust roots on the apiserver are used.").optional(),
    service: ServiceReference,
    url: str("url gives the location of the webhook, in standard URL form (`scheme://host:port/path`). Exactly one of `url` or `service` must be specified.\n\nThe `host` should not refer to a service running in the cluster; use the `service` field instead. The host might be resolved via external DNS in some apiservers (e.g., `kube-apiserver` cannot resolve in-cluster DNS as that would be a layering violation). `host` may also be an IP address.\n\nPlease note that using `localhost` or `127.0.0.1` as a `host` is risky unless you take great care to run this webhook on all hosts which run an apiserver which might need to make calls to this webhook. Such installs are likely to be non-portable, i.e., not easy to turn up in a new cluster.\n\nThe scheme must be \"https\"; the URL must begin with \"https://\".\n\nA path is optional, and if present may be any string permissible in a URL. You may use the path to pass an arbitrary string to the webhook, for example, a cluster identifier.\n\nAttempting to use a user or basic auth e.g. \"user:password@\" is not allowed. Fragments (\"#...\") and query parameters (\"?...\") are not allowed, either."),
  },
  { id: "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.WebhookClientConfig", desc: "WebhookClientConfig contains the information to make a TLS connection with the webhook." },
);

export const WebhookConversion = obj(
  {
    clientConfig: WebhookClientConfig,
    conversionReviewVersions: strList({ listType: "atomic", desc: "conversionReviewVersions is an ordered list of preferred `ConversionReview` versions the Webhook expects. The API server will use the first version in the list which it supports. If none of the versions specified in this list are supported by API server, conversion will fail for the custom resource. If a persisted Webhook configuration specifies allowed versions and does not include any versions known to the API Server, calls to the webhook will fail." }),
  },
  { id: "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.WebhookConversion", desc: "WebhookConversion describes how to call a conversion webhook", required: ["conversionReviewVersions"] },
);

export const CustomResourceConversion = obj(
  {
    strategy: str("strategy specifies how custom resources are converted between versions. Allowed values are: - `\"None\"`: The converter only change the apiVersion and would not touch any other field in the custom resource. - `\"Webhook\"`: API Server will call to an external webhook to do the conversion. Additional information\n is needed for this option. This requires spec.preserveUnknownFields to be false, and spec.conversion.webhook to be set."),
    webhook: WebhookConversion,
  },
  { id: "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceConversion", desc: "CustomResourceConversion describes how to convert different versions of a CR.", required: ["strategy"] },
);

export const CustomResourceDefinitionNames = obj(
  {
    categories: strList({ listType: "atomic", desc: "categories is a list of grouped resources this custom resource belongs to (e.g. 'all'). This is published in API discovery documents, and used by clients to support invocations like `kubectl get all`." }),
    kind: str("kind is the serialized kind of the resource. It is normally CamelCase and singular. Custom resource instances will use this value as the `kind` attribute in API calls."),
    listKind: str("listKind is the serialized kind of the list for this resource. Defaults to \"`kind`List\"."),
    plural: str("plural is the plural name of the resource to serve. The custom resources are served under `/apis/<group>/<version>/.../<plural>`. Must match the name of the CustomResourceDefinition (in the form `<names.plural>.<group>`). Must be all lowercase."),
    shortNames: strList({ listType: "atomic", desc: "shortNames are short names for the resource, exposed in API discovery documents, and used by clients to support invocations like `kubectl get <shortname>`. It must be all lowercase." }),
    singular: str("singular is the singular name of the resource. It must be all lowercase. Defaults to lowercased `kind`."),
  },
  { id: "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionNames", desc: "CustomResourceDefinitionNames indicates the names to serve this CustomResourceDefinition", required: ["kind", "plural"] },
);

export const CustomResourceColumnDefinition = obj(
  {
    description: str("description is a human readable description of this column."),
    format: str("format is an optional OpenAPI type definition for this column. The 'name' format is applied to the primary identifier column to assist in clients identifying column is the resource name. See https://github.com/OAI/OpenAPI-Specification/blob/master/versions/2.0.md#data-types for details."),
    jsonPath: str("jsonPath is a simple JSON path (i.e. with array notation) which is evaluated against each custom resource to produce the value for this column."),
    name: str("name is a human readable name for the column."),
    priority: int("priority is an integer defining the relative importance of this column compared to others. Lower numbers are considered higher priority. Columns that may be omitted in limited space scenarios should be given a priority greater than 0."),
    type: str("type is an OpenAPI type definition for this column. See https://github.com/OAI/OpenAPI-Specification/blob/master/versions/2.0.md#data-types for details."),
  },
  { id: "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceColumnDefinition", desc: "CustomResourceColumnDefinition specifies a column for server side printing.", required: ["jsonPath", "name", "type"] },
);

export const ExternalDocumentation = obj(
  {
    description: str(),
    url: str(),
  },
  { id: "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.ExternalDocumentation", desc: "ExternalDocumentation allows referencing an external resource for extended documentation." },
);

export const ValidationRule = obj(
  {
    fieldPath: str("fieldPath represents the field path returned when the validation fails. It must be a relative JSON path (i.e. with array notation) scoped to the location of this x-kubernetes-validations extension in the schema and refer to an existing field. e.g. when validation checks if a specific attribute `foo` under a map `testMap`, the fieldPath could be set to `.testMap.foo` If the validation checks two lists must have unique attributes, the fieldPath could be set to either of the list: e.g. `.testList` It does not support list numeric index. It supports child operation to refer to an existing field currently. Refer to [JSONPath support in Kubernetes](https://kubernetes.io/docs/reference/kubectl/jsonpath/) for more info. Numeric index of array is not supported. For field name which contains special characters, use `['specialName']` to refer the field name. e.g. for attribute `foo.34$` appears in a list `testList`, the fieldPath could be set to `.testList['foo.34$']`"),
    message: str("Message represents the message displayed when validation fails. The message is required if the Rule contains line breaks. The message must not contain line breaks. If unset, the message is \"failed rule: {Rule}\". e.g. \"must be a URL with the host matching spec.host\""),
    messageExpression: str("MessageExpression declares a CEL expression that evaluates to the validation failure message that is returned when this rule fails. Since messageExpression is used as a failure message, it must evaluate to a string. If both message and messageExpression are present on a rule, then messageExpression will be used if validation fails. If messageExpression results in a runtime error, the runtime error is logged, and the validation failure message is produced as if the messageExpression field were unset. If messageExpression evaluates to an empty string, a string with only spaces, or a string that contains line breaks, then the validation failure message will also be produced as if the messageExpression field were unset, and the fact that messageExpression produced an empty string/string with only spaces/string with line breaks will be logged. messageExpression has access to all the same variables as the rule; the only difference is the return type. Example: \"x must be less than max (\"+string(self.max)+\")\""),
    optionalOldSelf: bool("optionalOldSelf is used to opt a transition rule into evaluation even when the object is first created, or if the old object is missing the value.\n\nWhen enabled `oldSelf` will be a CEL optional whose value will be `None` if there is no old value, or when the object is initially created.\n\nYou may check for presence of oldSelf using `oldSelf.hasValue()` and unwrap it after checking using `oldSelf.value()`. Check the CEL documentation for Optional types for more information: https://pkg.go.dev/github.com/google/cel-go/cel#OptionalTypes\n\nMay not be set unless `oldSelf` is used in `rule`."),
    reason: strEnum(["FieldValueDuplicate", "FieldValueForbidden", "FieldValueInvalid", "FieldValueRequired"], "reason provides a machine-readable validation failure reason that is returned to the caller when a request fails this validation rule. The HTTP status code returned to the caller will match the reason of the reason of the first failed validation rule. The currently supported reasons are: \"FieldValueInvalid\", \"FieldValueForbidden\", \"FieldValueRequired\", \"FieldValueDuplicate\". If not set, default to use \"FieldValueInvalid\". All future added reasons must be accepted by clients when reading this value and unknown reasons should be treated as FieldValueInvalid.\n\nPossible enum values:\n - `\"FieldValueDuplicate\"` is used to report collisions of values that must be unique (e.g. unique IDs).\n - `\"FieldValueForbidden\"` is used to report valid (as per formatting rules) values which would be accepted under some conditions, but which are not permitted by the current conditions (such as security policy).\n - `\"FieldValueInvalid\"` is used to report malformed values (e.g. failed regex match, too long, out of bounds).\n - `\"FieldValueRequired\"` is used to report required values that are not provided (e.g. empty strings, null values, or empty arrays)."),
    rule: str("Rule represents the expression which will be evaluated by CEL. ref: https://github.com/google/cel-spec The Rule is scoped to the location of the x-kubernetes-validations extension in the schema. The `self` variable in the CEL expression is bound to the scoped value. Example: - Rule scoped to the root of a resource with a status subresource: {\"rule\": \"self.status.actual <= self.spec.maxDesired\"}\n\nIf the Rule is scoped to an object with properties, the accessible properties of the object are field selectable via `self.field` and field presence can be checked via `has(self.field)`. Null valued fields are treated as absent fields in CEL expressions. If the Rule is scoped to an object with additionalProperties (i.e. a map) the value of the map are accessible via `self[mapKey]`, map containment can be checked via `mapKey in self` and all entries of the map are accessible via CEL macros and functions such as `self.all(...)`. If the Rule is scoped to an array, the elements of the array are accessible via `self[i]` and also by macros and functions. If the Rule is scoped to a scalar, `self` is bound to the scalar value. Examples: - Rule scoped to a map of objects: {\"rule\": \"self.components['Widget'].priority < 10\"} - Rule scoped to a list of integers: {\"rule\": \"self.values.all(value, value >= 0 && value < 100)\"} - Rule scoped to a string value: {\"rule\": \"self.startsWith('kube')\"}\n\nThe `apiVersion`, `kind`, `metadata.name` and `metadata.generateName` are always accessible from the root of the object and from any x-kubernetes-embedded-resource annotated objects. No other metadata properties are accessible.\n\nUnknown data preserved in custom resources via x-kubernetes-preserve-unknown-fields is not accessible in CEL expressions. This includes: - Unknown field values that are preserved by object schemas with x-kubernetes-preserve-unknown-fields. - Object properties where the property schema is of an \"unknown type\". An \"unknown type\" is recursively defined as:\n - A schema with no type and x-kubernetes-preserve-unknown-fields set to true\n\n - An array where the items schema is of an \"unknown type\"\n\n - An object where the additionalProperties schema is of an \"unknown type\"\n\n\nOnly property names of the form `[a-zA-Z_.-/][a-zA-Z0-9_.-/]*` are accessible. Accessible property names are escaped according to the following rules when accessed in the expression: - '__' escapes to '__underscores__' - '.' escapes to '__dot__' - '-' escapes to '__dash__' - '/' escapes to '__slash__' - Property names that exactly match a CEL RESERVED keyword escape to '__{keyword}__'. The keywords are:\n\t  \"true\", \"false\", \"null\", \"in\", \"as\", \"break\", \"const\", \"continue\", \"else\", \"for\", \"function\", \"if\",\n\n\t  \"import\", \"let\", \"loop\", \"package\", \"namespace\", \"return\".\nExamples:\n - Rule accessing a property named \"namespace\": {\"rule\": \"self.__namespace__ > 0\"}\n\n - Rule accessing a property named \"x-prop\": {\"rule\": \"self.x__dash__prop > 0\"}\n\n - Rule accessing a property named \"redact__d\": {\"rule\": \"self.redact__underscores__d > 0\"}\n\n\nEquality on arrays with x-kubernetes-list-type of 'set' or 'map' ignores element order, i.e. [1, 2] == [2, 1]. Concatenation on arrays with x-kubernetes-list-type use the semantics of the list type:\n - 'set': `X + Y` performs a union where the array positions of all elements in `X` are preserved and\n\n   non-intersecting elements in `Y` are appended, retaining their partial order.\n\n - 'map': `X + Y` performs a merge where the array positions of all keys in `X` are preserved but the values\n\n   are overwritten by values in `Y` when the key sets of `X` and `Y` intersect. Elements in `Y` with\n\n   non-intersecting keys are appended, retaining their partial order.\n\n\nIf `rule` makes use of the `oldSelf` variable it is implicitly a `transition rule`.\n\nBy default, the `oldSelf` variable is the same type as `self`. When `optionalOldSelf` is true, the `oldSelf` variable is a CEL optional\nvariable whose value() is the same type as `self`.\nSee the documentation for the `optionalOldSelf` field for details.\n\nTransition rules by default are applied only on UPDATE requests and are skipped if an old value could not be found. You can opt a transition rule into unconditional evaluation by setting `optionalOldSelf` to true."),
  },
  { id: "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.ValidationRule", desc: "ValidationRule describes a validation rule written in the CEL expression language.", required: ["rule"] },
);

const OR_BOOL_DESC = "JSONSchemaPropsOrBool represents JSONSchemaProps or a boolean value. Defaults to true for the boolean property.";

// Recursive: built with getters (zod resolves them lazily), published under its Kubernetes id.
const JSONSchemaPropsObject: z.ZodType = z
  .object({
    $ref: str(),
    $schema: str(),
    additionalItems: anyJson(OR_BOOL_DESC),
    additionalProperties: anyJson(OR_BOOL_DESC),
    default: anyJson("default is a default value for undefined object fields. Defaulting is a beta feature under the CustomResourceDefaulting feature gate. Defaulting requires spec.preserveUnknownFields to be false."),
    dependencies: z.record(z.string(), z.any()).optional(),
    description: str(),
    enum: list(anyJson(), { listType: "atomic" }),
    example: anyJson(),
    exclusiveMaximum: bool(),
    exclusiveMinimum: bool(),
    externalDocs: ExternalDocumentation,
    format: str("format is an OpenAPI v3 format string. Unknown formats are ignored. The following formats are validated:\n\n- bsonobjectid: a bson object ID, i.e. a 24 characters hex string - uri: an URI as parsed by Golang net/url.ParseRequestURI - email: an email address as parsed by Golang net/mail.ParseAddress - hostname: a valid representation for an Internet host name, as defined by RFC 1034, section 3.1 [RFC1034]. - ipv4: an IPv4 IP as parsed by Golang net.ParseIP - ipv6: an IPv6 IP as parsed by Golang net.ParseIP - cidr: a CIDR as parsed by Golang net.ParseCIDR - mac: a MAC address as parsed by Golang net.ParseMAC - uuid: an UUID that allows uppercase defined by the regex (?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$ - uuid3: an UUID3 that allows uppercase defined by the regex (?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$ - uuid4: an UUID4 that allows uppercase defined by the regex (?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$ - uuid5: an UUID5 that allows uppercase defined by the regex (?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$ - isbn: an ISBN10 or ISBN13 number string like \"0321751043\" or \"978-0321751041\" - isbn10: an ISBN10 number string like \"0321751043\" - isbn13: an ISBN13 number string like \"978-0321751041\" - creditcard: a credit card number defined by the regex ^(?:4[0-9]{12}(?:[0-9]{3})?|5[1-5][0-9]{14}|6(?:011|5[0-9][0-9])[0-9]{12}|3[47][0-9]{13}|3(?:0[0-5]|[68][0-9])[0-9]{11}|(?:2131|1800|35\\\\d{3})\\\\d{11})$ with any non digit characters mixed in - ssn: a U.S. social security number following the regex ^\\\\d{3}[- ]?\\\\d{2}[- ]?\\\\d{4}$ - hexcolor: an hexadecimal color code like \"#FFFFFF: following the regex ^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$ - rgbcolor: an RGB color code like rgb like \"rgb(255,255,2559\" - byte: base64 encoded binary data - password: any kind of string - date: a date string like \"2006-01-02\" as defined by full-date in RFC3339 - duration: a duration string like \"22 ns\" as parsed by Golang time.ParseDuration or compatible with Scala duration format - datetime: a date time string like \"2014-12-15T19:30:20.000Z\" as defined by date-time in RFC3339."),
    id: str(),
    items: anyJson("JSONSchemaPropsOrArray represents a value that can either be a JSONSchemaProps or an array of JSONSchemaProps. Mainly here for serialization purposes."),
    maxItems: int64(),
    maxLength: int64(),
    maxProperties: int64(),
    maximum: num(),
    minItems: int64(),
    minLength: int64(),
    minProperties: int64(),
    minimum: num(),
    multipleOf: num(),
    nullable: bool(),
    pattern: str(),
    required: strList({ listType: "atomic" }),
    title: str(),
    type: str(),
    uniqueItems: bool(),
    "x-kubernetes-embedded-resource": bool("x-kubernetes-embedded-resource defines that the value is an embedded Kubernetes runtime.Object, with TypeMeta and ObjectMeta. The type must be object. It is allowed to further restrict the embedded object. kind, apiVersion and metadata are validated automatically. x-kubernetes-preserve-unknown-fields is allowed to be true, but does not have to be if the object is fully specified (up to kind, apiVersion, metadata)."),
    "x-kubernetes-int-or-string": bool("x-kubernetes-int-or-string specifies that this value is either an integer or a string. If this is true, an empty type is allowed and type as child of anyOf is permitted if following one of the following patterns:\n\n1) anyOf:\n  - type: integer\n\n  - type: string\n2) allOf:\n  - anyOf:\n\n    - type: integer\n\n    - type: string\n\n  - ... zero or more"),
    "x-kubernetes-list-map-keys": strList({ listType: "atomic", desc: "x-kubernetes-list-map-keys annotates an array with the x-kubernetes-list-type `map` by specifying the keys used as the index of the map.\n\nThis tag MUST only be used on lists that have the \"x-kubernetes-list-type\" extension set to \"map\". Also, the values specified for this attribute must be a scalar typed field of the child structure (no nesting is supported).\n\nThe properties specified must either be required or have a default value, to ensure those properties are present for all list items." }),
    "x-kubernetes-list-type": str("x-kubernetes-list-type annotates an array to further describe its topology. This extension must only be used on lists and may have 3 possible values:\n\n1) `atomic`: the list is treated as a single entity, like a scalar.\n    Atomic lists will be entirely replaced when updated. This extension\n\n    may be used on any type of list (struct, scalar, ...).\n2) `set`:\n    Sets are lists that must not have multiple items with the same value. Each\n\n    value must be a scalar, an object with x-kubernetes-map-type `atomic` or an\n\n    array with x-kubernetes-list-type `atomic`.\n3) `map`:\n    These lists are like maps in that their elements have a non-index key\n\n    used to identify them. Order is preserved upon merge. The map tag\n\n    must only be used on a list with elements of type object.\nDefaults to atomic for arrays."),
    "x-kubernetes-map-type": str("x-kubernetes-map-type annotates an object to further describe its topology. This extension must only be used when type is object and may have 2 possible values:\n\n1) `granular`:\n    These maps are actual maps (key-value pairs) and each fields are independent\n\n    from each other (they can each be manipulated by separate actors). This is\n\n    the default behaviour for all maps.\n2) `atomic`: the list is treated as a single entity, like a scalar.\n    Atomic maps will be entirely replaced when updated."),
    "x-kubernetes-preserve-unknown-fields": bool("x-kubernetes-preserve-unknown-fields stops the API server decoding step from pruning fields which are not specified in the validation schema. This affects fields recursively, but switches back to normal pruning behaviour if nested properties or additionalProperties are specified in the schema. This can either be true or undefined. False is forbidden."),
    "x-kubernetes-validations": list(ValidationRule, { mergeKey: "rule", strategy: "merge", listType: "map", listMapKeys: ["rule"], desc: "x-kubernetes-validations describes a list of validation rules written in the CEL expression language." }),
    get allOf(): z.ZodType {
      return list(JSONSchemaPropsObject, { listType: "atomic" });
    },
    get anyOf(): z.ZodType {
      return list(JSONSchemaPropsObject, { listType: "atomic" });
    },
    get oneOf(): z.ZodType {
      return list(JSONSchemaPropsObject, { listType: "atomic" });
    },
    get not(): z.ZodType {
      return JSONSchemaPropsObject.optional();
    },
    get definitions(): z.ZodType {
      return z.record(z.string(), JSONSchemaPropsObject).optional();
    },
    get patternProperties(): z.ZodType {
      return z.record(z.string(), JSONSchemaPropsObject).optional();
    },
    get properties(): z.ZodType {
      return z.record(z.string(), JSONSchemaPropsObject).optional();
    },
  })
  .meta({ id: "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps", description: "JSONSchemaProps is a JSON-Schema following Specification Draft 4 (http://json-schema.org/)." });

export const JSONSchemaProps = JSONSchemaPropsObject.optional();

export const CustomResourceValidation = obj(
  {
    openAPIV3Schema: JSONSchemaProps,
  },
  { id: "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceValidation", desc: "CustomResourceValidation is a list of validation methods for CustomResources." },
);

export const SelectableField = obj(
  {
    jsonPath: str("jsonPath is a simple JSON path which is evaluated against each custom resource to produce a field selector value. Only JSON paths without the array notation are allowed. Must point to a field of type string, boolean or integer. Types with enum values and strings with formats are allowed. If jsonPath refers to absent field in a resource, the jsonPath evaluates to an empty string. Must not point to metdata fields. Required."),
  },
  { id: "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.SelectableField", desc: "SelectableField specifies the JSON path of a field that may be used with field selectors.", required: ["jsonPath"] },
);

export const CustomResourceSubresourceScale = obj(
  {
    labelSelectorPath: str("labelSelectorPath defines the JSON path inside of a custom resource that corresponds to Scale `status.selector`. Only JSON paths without the array notation are allowed. Must be a JSON Path under `.status` or `.spec`. Must be set to work with HorizontalPodAutoscaler. The field pointed by this JSON path must be a string field (not a complex selector struct) which contains a serialized label selector in string form. More info: https://kubernetes.io/docs/tasks/access-kubernetes-api/custom-resources/custom-resource-definitions#scale-subresource If there is no value under the given path in the custom resource, the `status.selector` value in the `/scale` subresource will default to the empty string."),
    specReplicasPath: str("specReplicasPath defines the JSON path inside of a custom resource that corresponds to Scale `spec.replicas`. Only JSON paths without the array notation are allowed. Must be a JSON Path under `.spec`. If there is no value under the given path in the custom resource, the `/scale` subresource will return an error on GET."),
    statusReplicasPath: str("statusReplicasPath defines the JSON path inside of a custom resource that corresponds to Scale `status.replicas`. Only JSON paths without the array notation are allowed. Must be a JSON Path under `.status`. If there is no value under the given path in the custom resource, the `status.replicas` value in the `/scale` subresource will default to 0."),
  },
  { id: "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceSubresourceScale", desc: "CustomResourceSubresourceScale defines how to serve the scale subresource for CustomResources.", required: ["specReplicasPath", "statusReplicasPath"] },
);

export const CustomResourceSubresources = obj(
  {
    scale: CustomResourceSubresourceScale,
    status: obj({}, { id: "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceSubresourceStatus", desc: "status indicates the custom resource should serve a `/status` subresource. When enabled: 1. requests to the custom resource primary endpoint ignore changes to the `status` stanza of the object. 2. requests to the custom resource `/status` subresource ignore changes to anything other than the `status` stanza of the object." }),
  },
  { id: "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceSubresources", desc: "CustomResourceSubresources defines the status and scale subresources for CustomResources." },
);

export const CustomResourceDefinitionVersion = obj(
  {
    additionalPrinterColumns: list(CustomResourceColumnDefinition, { listType: "atomic", desc: "additionalPrinterColumns specifies additional columns returned in Table output. See https://kubernetes.io/docs/reference/using-api/api-concepts/#receiving-resources-as-tables for details. If no columns are specified, a single column displaying the age of the custom resource is used." }),
    deprecated: bool("deprecated indicates this version of the custom resource API is deprecated. When set to true, API requests to this version receive a warning header in the server response. Defaults to false."),
    deprecationWarning: str("deprecationWarning overrides the default warning returned to API clients. May only be set when `deprecated` is true. The default warning indicates this version is deprecated and recommends use of the newest served version of equal or greater stability, if one exists."),
    name: str("name is the version name, e.g. “v1”, “v2beta1”, etc. The custom resources are served under this version at `/apis/<group>/<version>/...` if `served` is true."),
    schema: CustomResourceValidation,
    selectableFields: list(SelectableField, { listType: "atomic", desc: "selectableFields specifies paths to fields that may be used as field selectors. A maximum of 8 selectable fields are allowed. See https://kubernetes.io/docs/concepts/overview/working-with-objects/field-selectors" }),
    served: bool("served is a flag enabling/disabling this version from being served via REST APIs"),
    storage: bool("storage indicates this version should be used when persisting custom resources to storage. There must be exactly one version with storage=true."),
    subresources: CustomResourceSubresources,
  },
  { id: "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionVersion", desc: "CustomResourceDefinitionVersion describes a version for CRD.", required: ["name", "served", "storage"] },
);

export const CustomResourceDefinitionSpec = obj(
  {
    conversion: CustomResourceConversion,
    group: str("group is the API group of the defined custom resource. The custom resources are served under `/apis/<group>/...`. Must match the name of the CustomResourceDefinition (in the form `<names.plural>.<group>`)."),
    names: CustomResourceDefinitionNames,
    preserveUnknownFields: bool("preserveUnknownFields indicates that object fields which are not specified in the OpenAPI schema should be preserved when persisting to storage. apiVersion, kind, metadata and known fields inside metadata are always preserved. This field is deprecated in favor of setting `x-preserve-unknown-fields` to true in `spec.versions[*].schema.openAPIV3Schema`. See https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#field-pruning for details."),
    scope: str("scope indicates whether the defined custom resource is cluster- or namespace-scoped. Allowed values are `Cluster` and `Namespaced`."),
    versions: list(CustomResourceDefinitionVersion, { listType: "atomic", desc: "versions is the list of all API versions of the defined custom resource. Version names are used to compute the order in which served versions are listed in API discovery. If the version string is \"kube-like\", it will sort above non \"kube-like\" version strings, which are ordered lexicographically. \"Kube-like\" versions start with a \"v\", then are followed by a number (the major version), then optionally the string \"alpha\" or \"beta\" and another number (the minor version). These are sorted first by GA > beta > alpha (where GA is a version with no suffix such as beta or alpha), and then by comparing major version, then minor version. An example sorted list of versions: v10, v2, v1, v11beta2, v10beta3, v3beta1, v12alpha1, v11alpha2, foo1, foo10." }),
  },
  { id: "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionSpec", desc: "CustomResourceDefinitionSpec describes how a user wants their resource to appear", required: ["group", "names", "scope", "versions"] },
);

export const CustomResourceDefinitionCondition = obj(
  {
    lastTransitionTime: time("lastTransitionTime last time the condition transitioned from one status to another."),
    message: str("message is a human-readable message indicating details about last transition."),
    reason: str("reason is a unique, one-word, CamelCase reason for the condition's last transition."),
    status: str("status is the status of the condition. Can be True, False, Unknown."),
    type: str("type is the type of the condition. Types include Established, NamesAccepted and Terminating."),
  },
  { id: "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionCondition", desc: "CustomResourceDefinitionCondition contains details for the current condition of this pod.", required: ["status", "type"] },
);

export const CustomResourceDefinitionStatus = obj(
  {
    acceptedNames: CustomResourceDefinitionNames,
    conditions: list(CustomResourceDefinitionCondition, { listType: "map", listMapKeys: ["type"], desc: "conditions indicate state for particular aspects of a CustomResourceDefinition" }),
    storedVersions: strList({ listType: "atomic", desc: "storedVersions lists all versions of CustomResources that were ever persisted. Tracking these versions allows a migration path for stored versions in etcd. The field is mutable so a migration controller can finish a migration to another version (ensuring no old objects are left in storage), and then remove the rest of the versions from this list. Versions may not be removed from `spec.versions` while they exist in this list." }),
  },
  { id: "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinitionStatus", desc: "CustomResourceDefinitionStatus indicates the state of the CustomResourceDefinition" },
);

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

function deepEq(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return (a ?? null) === (b ?? null);
  if (typeof a !== typeof b || typeof a !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => deepEq(x, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const k of keys) if (!deepEq(ao[k], bo[k])) return false;
  return true;
}

const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** JSON type names as kube-openapi's validator reports them. */
function jsonTypeOf(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  if (typeof v === "boolean") return "boolean";
  if (typeof v === "string") return "string";
  return "object";
}

/** Go's %v of a float64 (strconv 'g' with the shortest precision). */
export function goFloat(v: number): string {
  if (!Number.isFinite(v)) return v > 0 ? "+Inf" : v < 0 ? "-Inf" : "NaN";
  if (v === 0) return "0";
  const exp = Math.floor(Math.log10(Math.abs(v)));
  if (exp < -4 || exp >= 21) {
    const [m, e] = v.toExponential().split("e");
    const en = Number(e);
    return `${m}e${en < 0 ? "-" : "+"}${String(Math.abs(en)).padStart(2, "0")}`;
  }
  return String(v);
}

/** %v of a JSON value as Go prints an unstructured value (int64, float64, string, bool). */
function goValueText(v: unknown): string {
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : goFloat(v);
  if (typeof v === "string") return v;
  if (typeof v === "boolean") return String(v);
  return JSON.stringify(v);
}

// ---------------------------------------------------------------------------------------------
// Defaults and status (SetDefaults_CustomResourceDefinition, strategy, naming/establishing controllers)
// ---------------------------------------------------------------------------------------------

function applyCrdDefaults(crd: CustomResourceDefinition): void {
  crd.spec ??= {};
  const spec = crd.spec;
  spec.names ??= {};
  if (!spec.names.singular && spec.names.kind) spec.names.singular = spec.names.kind.toLowerCase();
  if (!spec.names.listKind && spec.names.kind) spec.names.listKind = spec.names.kind + "List";
  spec.conversion ??= { strategy: "None" };
  const svc = spec.conversion.webhook?.clientConfig?.service;
  if (svc) svc.port ??= 443;
  for (const v of spec.versions ?? []) {
    // served and storage have no omitempty: Go always writes them.
    v.served ??= false;
    v.storage ??= false;
  }
  crd.status ??= {};
  if (!crd.status.storedVersions || crd.status.storedVersions.length === 0) {
    const storage = (spec.versions ?? []).find((v) => v.storage);
    if (storage) crd.status.storedVersions = [storage.name];
  }
}

function addStoredVersion(crd: CustomResourceDefinition): void {
  crd.status ??= {};
  const storage = (crd.spec?.versions ?? []).find((v) => v.storage);
  if (!storage) return;
  crd.status.storedVersions ??= [];
  if (!crd.status.storedVersions.includes(storage.name)) crd.status.storedVersions.push(storage.name);
}

function setCondition(crd: CustomResourceDefinition, cond: CRDCondition, nowMs: number): void {
  crd.status ??= {};
  const conditions = (crd.status.conditions ??= []);
  const existing = conditions.find((c) => c.type === cond.type);
  if (!existing) {
    conditions.push({ type: cond.type, status: cond.status, lastTransitionTime: rfc3339(nowMs), reason: cond.reason, message: cond.message });
    return;
  }
  if (existing.status !== cond.status) existing.lastTransitionTime = rfc3339(nowMs);
  existing.status = cond.status;
  existing.reason = cond.reason;
  existing.message = cond.message;
}

/** NamingConditionController.calculateNamesAndConditions + the establishing controller. */
function acceptNames(crd: CustomResourceDefinition, others: readonly KubeObject[], nowMs: number): void {
  const spec = crd.spec ?? {};
  const requested = spec.names ?? {};
  crd.status ??= {};
  const accepted: CRDNames = crd.status.acceptedNames ?? { plural: "", kind: "" };
  const resources = new Set<string>();
  const kinds = new Set<string>();
  for (const o of others) {
    if (o.metadata.name === crd.metadata.name || o.spec?.group !== spec.group) continue;
    const n = (o.status?.acceptedNames ?? {}) as CRDNames;
    for (const x of [n.plural, n.singular, ...(n.shortNames ?? [])]) if (x) resources.add(x);
    for (const x of [n.kind, n.listKind]) if (x) kinds.add(x);
  }
  const fresh = (req: string | undefined, acc: string | undefined, used: Set<string>) =>
    req === acc || !used.has(req ?? "") ? undefined : `${JSON.stringify(req ?? "")} is already in use`;
  const next: CRDNames = { ...accepted };
  let status = "True";
  let reason = "NoConflicts";
  let message = "no conflicts found";
  const conflict = (r: string, m: string) => {
    status = "False";
    reason = r;
    message = m;
  };
  let e = fresh(requested.plural, accepted.plural, resources);
  if (e) conflict("PluralConflict", e);
  else next.plural = requested.plural;
  e = fresh(requested.singular, accepted.singular, resources);
  if (e) conflict("SingularConflict", e);
  else next.singular = requested.singular;
  if (!deepEq(requested.shortNames, accepted.shortNames)) {
    const have = new Set(accepted.shortNames ?? []);
    const errs = (requested.shortNames ?? []).filter((s) => !have.has(s) && resources.has(s)).map((s) => `${JSON.stringify(s)} is already in use`);
    if (errs.length) conflict("ShortNamesConflict", errs.length === 1 ? errs[0] : `[${errs.join(", ")}]`);
    else next.shortNames = requested.shortNames;
  }
  e = fresh(requested.kind, accepted.kind, kinds);
  if (e) conflict("KindConflict", e);
  else next.kind = requested.kind;
  e = fresh(requested.listKind, accepted.listKind, kinds);
  if (e) conflict("ListKindConflict", e);
  else next.listKind = requested.listKind;
  next.categories = requested.categories;
  for (const k of Object.keys(next) as Array<keyof CRDNames>) if (next[k] === undefined) delete next[k];
  crd.status.acceptedNames = next;
  setCondition(crd, { type: "NamesAccepted", status, reason, message }, nowMs);
  const established = crd.status.conditions!.find((c) => c.type === "Established");
  if (status === "True") {
    if (established?.status !== "True") setCondition(crd, { type: "Established", status: "True", reason: "InitialNamesAccepted", message: "the initial names have been accepted" }, nowMs);
  } else if (!established) {
    setCondition(crd, { type: "Established", status: "False", reason: "NotAccepted", message: "not all names are accepted" }, nowMs);
  }
}

// ---------------------------------------------------------------------------------------------
// Validation (k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/validation)
// ---------------------------------------------------------------------------------------------

const OPENAPI_V3_TYPES = ["array", "boolean", "integer", "number", "object", "string"];
const PRINTER_COLUMN_TYPES = ["boolean", "date", "integer", "number", "string"];
const PRINTER_COLUMN_FORMATS = ["byte", "date", "date-time", "double", "float", "int32", "int64", "password"];

type Level = "root" | "item" | "field";

/** A subset of ValidateStructural: the invariants learners hit (sorted like the real list). */
function structuralErrors(s: JSONSchemaPropsT, lvl: Level, path: string, out: FieldError[]): void {
  if (s.type === "array" && s.items === undefined) out.push(required(child(path, "items"), "must be specified"));
  if (isPlainObject(s.items)) structuralErrors(s.items as JSONSchemaPropsT, "item", child(path, "items"), out);
  for (const [k, v] of Object.entries(s.properties ?? {})) if (isPlainObject(v)) structuralErrors(v, "field", key(child(path, "properties"), k), out);
  if (s.additionalProperties !== undefined && s.additionalProperties !== null) {
    if (lvl === "root") out.push(forbidden(child(path, "additionalProperties"), "must not be used at the root"));
    if (isPlainObject(s.additionalProperties)) structuralErrors(s.additionalProperties as JSONSchemaPropsT, "field", child(path, "additionalProperties"), out);
  }
  const embedded = !!s["x-kubernetes-embedded-resource"];
  if (embedded && s.type !== "object") {
    if (!s.type) out.push(required(child(path, "type"), "must be object if x-kubernetes-embedded-resource is true"));
    else out.push(invalid(child(path, "type"), s.type, "must be object if x-kubernetes-embedded-resource is true"));
  } else if (!s.type && !s["x-kubernetes-int-or-string"] && !s["x-kubernetes-preserve-unknown-fields"]) {
    const detail = lvl === "root" ? "must not be empty at the root" : lvl === "item" ? "must not be empty for specified array items" : "must not be empty for specified object fields";
    out.push(required(child(path, "type"), detail));
  }
  if (lvl === "root" && s.type && s.type !== "object") out.push(invalid(child(path, "type"), s.type, "must be object at the root"));
}

/** ValidateCustomResourceDefinitionOpenAPISchema's per-node checks (specStandardValidatorV3). */
function openAPIErrors(schema: JSONSchemaPropsT | undefined, path: string, out: FieldError[]): void {
  if (!isPlainObject(schema)) return;
  const s = schema as JSONSchemaPropsT;
  if (s.type && !OPENAPI_V3_TYPES.includes(s.type)) out.push(notSupported(child(path, "type"), s.type, OPENAPI_V3_TYPES));
  if (s.id) out.push(forbidden(child(path, "id"), "id is not supported"));
  if (s.additionalItems !== undefined && s.additionalItems !== null) out.push(forbidden(child(path, "additionalItems"), "additionalItems is not supported"));
  if (s.patternProperties && Object.keys(s.patternProperties).length) out.push(forbidden(child(path, "patternProperties"), "patternProperties is not supported"));
  if (s.definitions && Object.keys(s.definitions).length) out.push(forbidden(child(path, "definitions"), "definitions is not supported"));
  if (s.dependencies) out.push(forbidden(child(path, "dependencies"), "dependencies is not supported"));
  if (s.$ref) out.push(forbidden(child(path, "$ref"), "$ref is not supported"));
  if (s.type === "null") out.push(forbidden(child(path, "type"), "type cannot be set to null, use nullable as an alternative"));
  if (Array.isArray(s.items) && s.items.length) out.push(forbidden(child(path, "items"), "items must be a schema object and not an array"));
  if ((s as { uniqueItems?: boolean }).uniqueItems) out.push(forbidden(child(path, "uniqueItems"), "uniqueItems cannot be set to true since the runtime complexity becomes quadratic"));
  if (s.additionalProperties !== undefined && s.additionalProperties !== null) {
    if (Object.keys(s.properties ?? {}).length && (s.additionalProperties === false || isPlainObject(s.additionalProperties))) {
      out.push(forbidden(child(path, "additionalProperties"), "additionalProperties and properties are mutual exclusive"));
    }
    if (isPlainObject(s.additionalProperties)) openAPIErrors(s.additionalProperties as JSONSchemaPropsT, child(path, "additionalProperties"), out);
  }
  for (const k of Object.keys(s.properties ?? {}).sort()) openAPIErrors(s.properties![k], key(child(path, "properties"), k), out);
  openAPIErrors(s.not, child(path, "not"), out);
  (s.allOf ?? []).forEach((x, i) => openAPIErrors(x, index(child(path, "allOf"), i), out));
  (s.oneOf ?? []).forEach((x, i) => openAPIErrors(x, index(child(path, "oneOf"), i), out));
  (s.anyOf ?? []).forEach((x, i) => openAPIErrors(x, index(child(path, "anyOf"), i), out));
  if (isPlainObject(s.items)) openAPIErrors(s.items as JSONSchemaPropsT, child(path, "items"), out);
  if (s["x-kubernetes-preserve-unknown-fields"] === false) {
    out.push(invalid(child(path, "x-kubernetes-preserve-unknown-fields"), false, "must be true or undefined"));
  }
  if (s["x-kubernetes-map-type"] !== undefined && s.type !== "object") {
    if (!s.type) out.push(required(child(path, "type"), "must be object if x-kubernetes-map-type is specified"));
    else out.push(invalid(child(path, "type"), s.type, "must be object if x-kubernetes-map-type is specified"));
  }
}

/** validateCustomResourceDefinitionValidation (no CEL, no default pruning checks). */
function validateSchema(validation: { openAPIV3Schema?: JSONSchemaPropsT } | undefined, statusEnabled: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const schema = validation?.openAPIV3Schema;
  if (!isPlainObject(schema)) return errs;
  if (statusEnabled && schema.type && schema.type !== "object") {
    errs.push(invalid(`${path}.openAPIV3Schema.type`, schema.type, `only "object" is allowed as the type at the root of the schema if the status subresource is enabled`));
  }
  if (schema.nullable) errs.push(forbidden(`${path}.openAPIV3Schema.nullable`, "nullable cannot be true at the root"));
  const structural: FieldError[] = [];
  structuralErrors(schema, "root", `${path}.openAPIV3Schema`, structural);
  structural.sort((a, b) => (fieldErrorString(a) < fieldErrorString(b) ? -1 : fieldErrorString(a) > fieldErrorString(b) ? 1 : 0));
  errs.push(...structural);
  openAPIErrors(schema, `${path}.openAPIV3Schema`, errs);
  return errs;
}

/** validateSimpleJSONPath. */
function validateSimpleJSONPath(s: string, path: string): FieldError[] {
  if (s.length === 0) return [invalid(path, s, "must not be empty")];
  if (s[0] !== ".") return [invalid(path, s, "must be a simple json path starting with .")];
  return [];
}

function validateSubresources(sub: CRDVersion["subresources"], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const scale = sub?.scale;
  if (!scale) return errs;
  const check = (value: string | undefined, name: string, prefixes: string[], msg: string, isRequired: boolean) => {
    const p = `${path}.scale.${name}`;
    if (!value) {
      if (isRequired) errs.push(required(p, ""));
      return;
    }
    const e = validateSimpleJSONPath(value, p);
    if (e.length) errs.push(...e);
    else if (!prefixes.some((x) => value.startsWith(x))) errs.push(invalid(p, value, msg));
  };
  check(scale.specReplicasPath, "specReplicasPath", [".spec."], "should be a json path under .spec", true);
  check(scale.statusReplicasPath, "statusReplicasPath", [".status."], "should be a json path under .status", true);
  check(scale.labelSelectorPath, "labelSelectorPath", [".spec.", ".status."], "should be a json path under either .spec or .status", false);
  return errs;
}

function validateColumn(c: CRDColumn, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!c.name) errs.push(required(child(path, "name"), ""));
  const types = `must be one of ${PRINTER_COLUMN_TYPES.join(",")}`;
  if (!c.type) errs.push(required(child(path, "type"), types));
  else if (!PRINTER_COLUMN_TYPES.includes(c.type)) errs.push(invalid(child(path, "type"), c.type, types));
  if (c.format && !PRINTER_COLUMN_FORMATS.includes(c.format)) errs.push(invalid(child(path, "format"), c.format, `must be one of ${PRINTER_COLUMN_FORMATS.join(",")}`));
  if (!c.jsonPath) errs.push(required(child(path, "JSONPath"), ""));
  else errs.push(...validateSimpleJSONPath(c.jsonPath, child(path, "JSONPath")));
  return errs;
}

function validateNames(names: CRDNames | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const n = names ?? {};
  const dns = (v: string | undefined, field: string, prefix = "") => {
    if (!v) return;
    const e = isDNS1035Label(prefix ? v.toLowerCase() : v);
    if (e.length) errs.push(invalid(child(path, field), v, prefix + e.join(",")));
  };
  dns(n.plural, "plural");
  dns(n.singular, "singular");
  dns(n.kind, "kind", "may have mixed case, but should otherwise match: ");
  dns(n.listKind, "listKind", "may have mixed case, but should otherwise match: ");
  (n.shortNames ?? []).forEach((s, i) => {
    const e = isDNS1035Label(s);
    if (e.length) errs.push(invalid(index(child(path, "shortNames"), i), s, e.join(",")));
  });
  if (n.kind && n.kind === n.listKind) errs.push(invalid(child(path, "listKind"), n.listKind, "kind and listKind may not be the same"));
  (n.categories ?? []).forEach((s, i) => {
    const e = isDNS1035Label(s);
    if (e.length) errs.push(invalid(index(child(path, "categories"), i), s, e.join(",")));
  });
  return errs;
}

/** %#v of the internal []CustomResourceDefinitionVersion (pointers as fake but stable addresses). */
function goVersions(versions: CRDVersion[], hoisted: { schema: boolean; subresources: boolean; columns: boolean }): GoValue {
  const ptr = (t: string, v: unknown, i: number, k: number) => (v === undefined || v === null ? `(*${t})(nil)` : `(*${t})(0xc000${(0xa000 + i * 0x60 + k * 0x18).toString(16)})`);
  const items = versions.map(
    (v, i) =>
      `apiextensions.CustomResourceDefinitionVersion{Name:${goQuote(v.name ?? "")}, Served:${!!v.served}, Storage:${!!v.storage}, Deprecated:${!!v.deprecated}, DeprecationWarning:${ptr("string", v.deprecationWarning, i, 0)}, Schema:${ptr("apiextensions.CustomResourceValidation", hoisted.schema ? undefined : v.schema, i, 1)}, Subresources:${ptr("apiextensions.CustomResourceSubresources", hoisted.subresources ? undefined : v.subresources, i, 2)}, AdditionalPrinterColumns:[]apiextensions.CustomResourceColumnDefinition(nil), SelectableFields:[]apiextensions.SelectableField(nil)}`,
  );
  return new GoValue(`[]apiextensions.CustomResourceDefinitionVersion{${items.join(", ")}}`);
}

function identical<T>(versions: CRDVersion[], pick: (v: CRDVersion) => T): boolean {
  if (versions.length === 0) return false;
  const first = pick(versions[0]);
  return versions.every((v) => deepEq(pick(v), first));
}

export function validateCustomResourceDefinition(crd: CustomResourceDefinition, old?: CustomResourceDefinition): FieldError[] {
  const errs: FieldError[] = [];
  const spec = crd.spec ?? {};
  const names = spec.names ?? {};
  const name = crd.metadata.name ?? "";
  if (name !== `${names.plural ?? ""}.${spec.group ?? ""}`) errs.push(invalid("metadata.name", name, `must be spec.names.plural+"."+spec.group`));

  // spec.group
  if (!spec.group) errs.push(required("spec.group", ""));
  else {
    const e = isDNS1123Subdomain(spec.group);
    if (e.length) errs.push(invalid("spec.group", spec.group, e.join(",")));
    else if (spec.group.split(".").length < 2) errs.push(invalid("spec.group", spec.group, "should be a domain with at least one dot"));
  }
  // spec.scope
  if (!spec.scope) errs.push(required("spec.scope", ""));
  else if (spec.scope !== "Cluster" && spec.scope !== "Namespaced") errs.push(notSupported("spec.scope", spec.scope, ["Cluster", "Namespaced"]));

  const versions = spec.versions ?? [];
  // The v1 -> internal conversion moves per-version fields that are identical in every version to the top level.
  const hoisted = {
    schema: identical(versions, (v) => v.schema) && versions[0].schema !== undefined,
    subresources: identical(versions, (v) => v.subresources) && versions[0].subresources !== undefined,
    columns: identical(versions, (v) => v.additionalPrinterColumns) && versions[0].additionalPrinterColumns !== undefined,
  };
  if (!hoisted.schema) {
    versions.forEach((v, i) => {
      if (!v.schema?.openAPIV3Schema) errs.push(required(`spec.versions[${i}].schema.openAPIV3Schema`, "schemas are required"));
    });
  }
  const statusOf = (v: CRDVersion) => !!(v.subresources && v.subresources.status);
  const anyStatus = versions.some(statusOf);
  let storageCount = 0;
  const seen = new Set<string>();
  let unique = true;
  versions.forEach((v, i) => {
    const p = `spec.versions[${i}]`;
    if (v.storage) storageCount++;
    if (seen.has(v.name)) unique = false;
    else seen.add(v.name);
    const e = isDNS1035Label(v.name ?? "");
    if (e.length) errs.push(invalid(`${p}.name`, v.name ?? "", e.join(",")));
    // validateCustomResourceDefinitionVersion
    if (!v.deprecated && v.deprecationWarning !== undefined && v.deprecationWarning !== null) {
      errs.push(invalid(`${p}.deprecationWarning`, v.deprecationWarning, "can only be set for deprecated versions"));
    } else if (v.deprecationWarning !== undefined && v.deprecationWarning !== null) {
      if (utf8Length(v.deprecationWarning) > 256) errs.push(invalid(`${p}.deprecationWarning`, v.deprecationWarning, "must be <= 256 characters long"));
      if (v.deprecationWarning.length === 0) errs.push(invalid(`${p}.deprecationWarning`, v.deprecationWarning, "must not be an empty string"));
    }
    if (!hoisted.schema) errs.push(...validateSchema(v.schema, statusOf(v), `${p}.schema`));
    if (!hoisted.subresources) errs.push(...validateSubresources(v.subresources, `${p}.subresources`));
    if (!hoisted.columns) (v.additionalPrinterColumns ?? []).forEach((c, j) => errs.push(...validateColumn(c, `${p}.additionalPrinterColumns[${j}]`)));
  });
  if (!unique) errs.push(invalid("spec.versions", goVersions(versions, hoisted), "must contain unique version names"));
  if (storageCount !== 1) errs.push(invalid("spec.versions", goVersions(versions, hoisted), "must have exactly one version marked as storage version"));

  if (!names.plural) errs.push(required("spec.names.plural", ""));
  if (!names.singular) errs.push(required("spec.names.singular", ""));
  if (!names.kind) errs.push(required("spec.names.kind", ""));
  if (!names.listKind) errs.push(required("spec.names.listKind", ""));
  errs.push(...validateNames(names, "spec.names"));

  if (hoisted.schema) errs.push(...validateSchema(versions[0].schema, anyStatus, "spec.validation"));
  if (hoisted.subresources) errs.push(...validateSubresources(versions[0].subresources, "spec.subresources"));
  if (hoisted.columns) (versions[0].additionalPrinterColumns ?? []).forEach((c, j) => errs.push(...validateColumn(c, `spec.additionalPrinterColumns[${j}]`)));

  // conversion
  const conv = spec.conversion;
  if (conv) {
    const strategy = conv.strategy ?? "";
    if (!strategy) errs.push(required("spec.conversion.strategy", ""));
    else if (strategy !== "None" && strategy !== "Webhook") errs.push(notSupported("spec.conversion.strategy", strategy, ["None", "Webhook"]));
    if (strategy === "Webhook") {
      const cc = conv.webhook?.clientConfig;
      if (!cc) errs.push(required("spec.conversion.webhookClientConfig", "required when strategy is set to Webhook"));
      else if ((cc.url === undefined) === (cc.service === undefined)) errs.push(required("spec.conversion.webhookClientConfig", "exactly one of url or service is required"));
      const versionsList = conv.webhook?.conversionReviewVersions ?? [];
      if (versionsList.length < 1) errs.push(required("spec.conversion.conversionReviewVersions", ""));
      else if (!versionsList.some((v) => v === "v1" || v === "v1beta1")) {
        errs.push(invalid("spec.conversion.conversionReviewVersions", versionsList, "must include at least one of v1, v1beta1"));
      }
    } else if (conv.webhook?.clientConfig) {
      errs.push(forbidden("spec.conversion.webhookClientConfig", "should not be set when strategy is not set to Webhook"));
    }
  }
  if (spec.preserveUnknownFields === true && !old?.spec?.preserveUnknownFields) {
    errs.push(invalid("spec.preserveUnknownFields", true, "cannot set to true, set x-kubernetes-preserve-unknown-fields to true in spec.versions[*].schema instead"));
  }

  if (old) {
    const os = old.spec ?? {};
    if ((spec.group ?? "") !== (os.group ?? "")) errs.push(invalid("spec.group", spec.group ?? "", "field is immutable"));
    if ((names.plural ?? "") !== (os.names?.plural ?? "")) errs.push(invalid("spec.names.plural", names.plural ?? "", "field is immutable"));
  }

  // status
  errs.push(...validateNames(crd.status?.acceptedNames, "status.acceptedNames"));
  const stored = crd.status?.storedVersions ?? [];
  if (stored.length === 0) errs.push(invalid("status.storedVersions", new GoValue("[]string(nil)"), "must have at least one stored version"));
  else {
    const remaining = new Map(stored.map((v, i) => [v, i] as const));
    for (const v of versions) {
      if (v.storage && !remaining.has(v.name)) errs.push(invalid("status.storedVersions", stored, "must have the storage version " + v.name));
      remaining.delete(v.name);
    }
    for (const [v, i] of remaining) errs.push(invalid(`status.storedVersions[${i}]`, v, "must appear in spec.versions"));
  }
  return errs;
}

// ---------------------------------------------------------------------------------------------
// The kind
// ---------------------------------------------------------------------------------------------

export const customResourceDefinition: KindDef<CustomResourceDefinition> = {
  group: APIEXTENSIONS_GROUP,
  version: "v1",
  kind: "CustomResourceDefinition",
  plural: "customresourcedefinitions",
  singular: "customresourcedefinition",
  shortNames: ["crd", "crds"],
  categories: ["api-extensions"],
  namespaced: false,
  statusSubresource: true,
  tracksGeneration: true,
  schema: kindSchema(
    "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.CustomResourceDefinition",
    "CustomResourceDefinition represents a resource that should be exposed on the API server.  Its name MUST be in the format <.spec.name>.<.spec.group>.",
    { spec: CustomResourceDefinitionSpec, status: CustomResourceDefinitionStatus },
    ObjectMeta,
  ),
  applyDefaults: applyCrdDefaults,
  prepareForCreate(crd, ctx) {
    crd.status = {};
    addStoredVersion(crd);
    acceptNames(crd, ctx.list(CRD_RESOURCE), ctx.nowMs);
  },
  prepareForUpdate(crd, old, ctx) {
    crd.status = clone(old.status) ?? {};
    addStoredVersion(crd);
    if (!deepEq(crd.spec?.names, crd.status.acceptedNames) || !crd.status.conditions?.some((c) => c.type === "NamesAccepted")) {
      acceptNames(crd, ctx.list(CRD_RESOURCE), ctx.nowMs);
    }
  },
  validate(crd, ctx) {
    return validateCustomResourceDefinition(crd, ctx.old as CustomResourceDefinition | undefined);
  },
  columns: createdAtColumns(),
  printRow: (crd) => [crd.metadata.name!, createdAt(crd)],
};

// ---------------------------------------------------------------------------------------------
// Custom resources: a KindDef per served version
// ---------------------------------------------------------------------------------------------

/** The kinds built by kindDefFromCrd: the API server decodes them without Go type checks (validate() reports types). */
const customResourceKinds = new WeakSet<KindDef>();
export const isCustomResourceKind = (def: KindDef): boolean => customResourceKinds.has(def);

/** util.ToRESTFriendlyName: the OpenAPI definition name of a custom resource (com.example.stable.v1.CronTab). */
export function customResourceDefinitionId(group: string, version: string, kind: string): string {
  return [...group.split(".").reverse(), version, kind].join(".");
}

function withMeta(s: z.ZodType, schema: JSONSchemaPropsT): z.ZodType {
  const meta: Record<string, unknown> = {};
  if (schema.description) meta.description = schema.description;
  if (schema.format) meta.format = schema.format;
  if (schema.enum) meta.enum = schema.enum;
  if (schema["x-kubernetes-list-type"]) meta["x-kubernetes-list-type"] = schema["x-kubernetes-list-type"];
  if (schema["x-kubernetes-list-map-keys"]) meta["x-kubernetes-list-map-keys"] = schema["x-kubernetes-list-map-keys"];
  if (schema["x-kubernetes-map-type"]) meta["x-kubernetes-map-type"] = schema["x-kubernetes-map-type"];
  if (schema["x-kubernetes-embedded-resource"]) meta["x-kubernetes-embedded-resource"] = true;
  if (schema.nullable) meta.nullable = true;
  if (schema.default !== undefined) meta.default = schema.default;
  return Object.keys(meta).length ? s.meta(meta) : s;
}

function objectShape(schema: JSONSchemaPropsT, depth: number): Record<string, z.ZodType> {
  const shape: Record<string, z.ZodType> = {};
  const req = new Set(schema.required ?? []);
  for (const k of Object.keys(schema.properties ?? {}).sort()) {
    const f = jsonSchemaToZod(schema.properties![k], depth + 1);
    shape[k] = req.has(k) ? f : f.optional();
  }
  return shape;
}

/** A zod description of a structural schema (types, descriptions, enums, list types) for explain, OpenAPI and pruning. */
export function jsonSchemaToZod(schema: JSONSchemaPropsT | undefined, depth = 0): z.ZodType {
  if (!isPlainObject(schema) || depth > 64) return z.any().meta({ "x-kubernetes-preserve-unknown-fields": true });
  const s = schema as JSONSchemaPropsT;
  if (s["x-kubernetes-int-or-string"]) {
    return withMeta(z.union([z.number().int(), z.string()]).meta({ "x-kubernetes-int-or-string": true }), s);
  }
  const preserve = !!s["x-kubernetes-preserve-unknown-fields"];
  switch (s.type) {
    case "string":
      return withMeta(z.string(), s);
    case "integer":
      return withMeta(z.number().int(), s);
    case "number":
      return withMeta(z.number(), s);
    case "boolean":
      return withMeta(z.boolean(), s);
    case "array":
      return withMeta(z.array(jsonSchemaToZod(isPlainObject(s.items) ? (s.items as JSONSchemaPropsT) : undefined, depth + 1)), s);
    case "object": {
      if (isPlainObject(s.additionalProperties) && !s.properties) {
        return withMeta(z.record(z.string(), jsonSchemaToZod(s.additionalProperties as JSONSchemaPropsT, depth + 1)), s);
      }
      if (s.additionalProperties === true && !s.properties) return withMeta(z.record(z.string(), z.any()), s);
      let o: z.ZodType = z.object(objectShape(s, depth));
      if (preserve) o = (o as z.ZodObject).loose().meta({ "x-kubernetes-preserve-unknown-fields": true });
      return withMeta(o, s);
    }
    default:
      return withMeta(z.any().meta({ "x-kubernetes-preserve-unknown-fields": true }), s);
  }
}

/** The root schema of a custom resource kind: apiVersion, kind, metadata plus the CRD's own properties. */
function customResourceSchema(id: string, schema: JSONSchemaPropsT | undefined): z.ZodType {
  const root: JSONSchemaPropsT = isPlainObject(schema) ? schema : { type: "object", "x-kubernetes-preserve-unknown-fields": true };
  const shape: Record<string, z.ZodType> = {};
  const req = new Set(root.required ?? []);
  for (const k of Object.keys(root.properties ?? {}).sort()) {
    if (k === "apiVersion" || k === "kind" || k === "metadata") continue;
    const f = jsonSchemaToZod(root.properties![k], 1);
    shape[k] = req.has(k) ? f : f.optional();
  }
  let o: z.ZodType = z.object({
    apiVersion: z.string().describe(API_VERSION_DESC).optional(),
    kind: z.string().describe(KIND_DESC).optional(),
    metadata: ObjectMeta,
    ...shape,
  });
  const meta: Record<string, unknown> = { id, description: root.description ?? "" };
  if (root["x-kubernetes-preserve-unknown-fields"] || !isPlainObject(schema)) {
    o = (o as z.ZodObject).loose();
    meta["x-kubernetes-preserve-unknown-fields"] = true;
  }
  return o.meta(meta);
}

/** Structural defaulting: `default` values of absent properties, recursively. */
export function applySchemaDefaults(value: unknown, sch: JSONSchemaPropsT | undefined): void {
  if (!isPlainObject(sch)) return;
  const schema = sch as JSONSchemaPropsT;
  if (Array.isArray(value)) {
    if (isPlainObject(schema.items)) for (const item of value) applySchemaDefaults(item, schema.items as JSONSchemaPropsT);
    return;
  }
  if (!isPlainObject(value)) return;
  for (const [k, prop] of Object.entries(schema.properties ?? {})) {
    if (!isPlainObject(prop)) continue;
    const p = prop as JSONSchemaPropsT;
    if (value[k] === undefined && p.default !== undefined) value[k] = clone(p.default);
    if (value[k] !== undefined) applySchemaDefaults(value[k], p);
  }
  if (isPlainObject(schema.additionalProperties)) {
    for (const k of Object.keys(value)) if (!(k in (schema.properties ?? {}))) applySchemaDefaults(value[k], schema.additionalProperties as JSONSchemaPropsT);
  }
}

/** kube-openapi's schema validation with the CRD handler's field errors (no CEL, no formats). */
export function validateAgainstSchema(value: unknown, schema: JSONSchemaPropsT | undefined, path: string, out: FieldError[]): void {
  if (!isPlainObject(schema) || value === undefined) return;
  const s = schema as JSONSchemaPropsT;
  const name = path || ".";
  if (value === null) {
    if (!s.nullable && s.type && !s["x-kubernetes-preserve-unknown-fields"]) out.push(invalid(path, "null", `${name} in body must be of type ${s.type}: "null"`));
    return;
  }
  const actual = jsonTypeOf(value);
  if (s["x-kubernetes-int-or-string"]) {
    if (actual !== "integer" && actual !== "string") {
      out.push(invalid(path, actual, `${name} in body must be of type integer,string: ${goQuote(actual)}`));
      return;
    }
  } else if (s.type) {
    const ok = s.type === actual || (s.type === "number" && actual === "integer");
    if (!ok) {
      out.push(invalid(path, actual, `${name} in body must be of type ${s.type}: ${goQuote(actual)}`));
      return;
    }
  }
  if (s.enum && !s.enum.some((e) => deepEq(e, value))) {
    out.push(notSupported(path, value, s.enum.map((e) => (typeof e === "string" ? e : JSON.stringify(e)))));
  }
  if (typeof value === "string") {
    const len = [...value].length;
    if (s.maxLength !== undefined && len > s.maxLength) out.push(tooLong(path, s.maxLength));
    if (s.minLength !== undefined && len < s.minLength) out.push(invalid(path, value, `${name} in body should be at least ${s.minLength} chars long`));
    if (s.pattern !== undefined) {
      let re: RegExp | undefined;
      try {
        re = new RegExp(s.pattern, "u");
      } catch {
        re = undefined;
      }
      if (re && !re.test(value)) out.push(invalid(path, value, `${name} in body should match '${s.pattern}'`));
    }
  }
  if (typeof value === "number") {
    if (s.maximum !== undefined && (s.exclusiveMaximum ? value >= s.maximum : value > s.maximum)) {
      out.push(invalid(path, value, `${name} in body should be less than ${s.exclusiveMaximum ? "" : "or equal to "}${goFloat(s.maximum)}`));
    }
    if (s.minimum !== undefined && (s.exclusiveMinimum ? value <= s.minimum : value < s.minimum)) {
      out.push(invalid(path, value, `${name} in body should be greater than ${s.exclusiveMinimum ? "" : "or equal to "}${goFloat(s.minimum)}`));
    }
    if (s.multipleOf !== undefined && s.multipleOf !== 0 && Math.abs(value / s.multipleOf - Math.round(value / s.multipleOf)) > 1e-9) {
      out.push(invalid(path, value, `${name} in body should be a multiple of ${goFloat(s.multipleOf)}`));
    }
  }
  if (Array.isArray(value)) {
    if (s.maxItems !== undefined && value.length > s.maxItems) out.push(tooMany(path, value.length, s.maxItems));
    if (s.minItems !== undefined && value.length < s.minItems) {
      out.push(invalid(path, new GoValue(`[]interface {}{${value.map((v) => (typeof v === "string" ? goQuote(v) : goValueText(v))).join(", ")}}`), `${name} in body should have at least ${s.minItems} items`));
    }
    if (isPlainObject(s.items)) value.forEach((item, i) => validateAgainstSchema(item, s.items as JSONSchemaPropsT, `${path}[${i}]`, out));
  }
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    if (s.maxProperties !== undefined && keys.length > s.maxProperties) out.push(tooMany(path, keys.length, s.maxProperties));
    if (s.minProperties !== undefined && keys.length < s.minProperties) {
      out.push(invalid(path, "", `${name} in body should have at least ${s.minProperties} properties`));
    }
    for (const r of s.required ?? []) if (value[r] === undefined) out.push(required(child(path, r), ""));
    for (const k of Object.keys(s.properties ?? {}).sort()) {
      if (value[k] !== undefined) validateAgainstSchema(value[k], s.properties![k], child(path, k), out);
    }
    if (isPlainObject(s.additionalProperties)) {
      for (const k of keys.sort()) if (!(k in (s.properties ?? {}))) validateAgainstSchema(value[k], s.additionalProperties as JSONSchemaPropsT, child(path, k), out);
    }
  }
}

// ---- JSONPath for additionalPrinterColumns and selectable fields (the subset CRDs use) ----

type PathStep = { field: string } | { index: number } | { wildcard: true } | { filter: { path: string[]; op: "==" | "!="; value: unknown } };

function parseJsonPath(expr: string): PathStep[] | undefined {
  let s = expr.trim();
  if (s.startsWith("{") && s.endsWith("}")) s = s.slice(1, -1);
  if (s.startsWith("$")) s = s.slice(1);
  const steps: PathStep[] = [];
  let i = 0;
  while (i < s.length) {
    if (s[i] === ".") {
      i++;
      let j = i;
      while (j < s.length && s[j] !== "." && s[j] !== "[") j++;
      const f = s.slice(i, j);
      if (f === "*") steps.push({ wildcard: true });
      else if (f) steps.push({ field: f });
      i = j;
    } else if (s[i] === "[") {
      const end = s.indexOf("]", i);
      if (end < 0) return undefined;
      const inner = s.slice(i + 1, end).trim();
      i = end + 1;
      if (inner === "*") steps.push({ wildcard: true });
      else if (/^-?\d+$/.test(inner)) steps.push({ index: Number(inner) });
      else if (/^'.*'$|^".*"$/.test(inner)) steps.push({ field: inner.slice(1, -1) });
      else {
        const m = /^\?\(@((?:\.[\w-]+)+)\s*(==|!=)\s*(.+)\)$/.exec(inner);
        if (!m) return undefined;
        let raw = m[3].trim();
        let value: unknown;
        if (/^'.*'$|^".*"$/.test(raw)) value = raw.slice(1, -1);
        else if (raw === "true" || raw === "false") value = raw === "true";
        else if (!Number.isNaN(Number(raw))) value = Number(raw);
        else value = (raw = raw);
        steps.push({ filter: { path: m[1].slice(1).split("."), op: m[2] as "==" | "!=", value } });
      }
    } else return undefined;
  }
  return steps;
}

/** All values a simple JSONPath selects (missing keys select nothing). */
export function evalJsonPath(obj: unknown, expr: string): unknown[] {
  const steps = parseJsonPath(expr);
  if (!steps) return [];
  let cur: unknown[] = [obj];
  for (const step of steps) {
    const next: unknown[] = [];
    for (const v of cur) {
      if ("field" in step) {
        if (isPlainObject(v) && v[step.field] !== undefined) next.push(v[step.field]);
      } else if ("index" in step) {
        if (Array.isArray(v)) {
          const i = step.index < 0 ? v.length + step.index : step.index;
          if (i >= 0 && i < v.length) next.push(v[i]);
        }
      } else if ("wildcard" in step) {
        if (Array.isArray(v)) next.push(...v);
        else if (isPlainObject(v)) next.push(...Object.keys(v).sort().map((k) => v[k]));
      } else {
        const items = Array.isArray(v) ? v : isPlainObject(v) ? Object.values(v) : [];
        for (const item of items) {
          let x: unknown = item;
          for (const f of step.filter.path) x = isPlainObject(x) ? x[f] : undefined;
          if (x === undefined) continue;
          const eq = deepEq(x, step.filter.value);
          if ((step.filter.op === "==") === eq) next.push(item);
        }
      }
    }
    cur = next;
  }
  return cur;
}

/** tableconvertor.cellForJSONValue (and the jsonpath text printer for string columns). */
function cellFor(type: string, value: unknown, nowMs: number): Cell {
  if (value === undefined || value === null) return null;
  switch (type) {
    case "string":
      if (typeof value === "string") return value;
      if (isPlainObject(value) || Array.isArray(value)) return JSON.stringify(value);
      return goValueText(value);
    case "integer":
      return typeof value === "number" ? Math.trunc(value) : null;
    case "number":
      return typeof value === "number" ? value : null;
    case "boolean":
      return typeof value === "boolean" ? value : null;
    case "date": {
      if (typeof value !== "string") return null;
      const t = parseRfc3339(value);
      if (t === undefined) return "<invalid>";
      return humanDuration(nowMs - t);
    }
    default:
      return null;
  }
}

function servedNames(crd: CustomResourceDefinition): CRDNames {
  const accepted = crd.status?.acceptedNames;
  return accepted?.plural ? accepted : crd.spec?.names ?? {};
}

/**
 * The KindDef of one version of a CRD's custom resource. Throws if the CRD has no such version.
 * The API server should decode these kinds without Go type checks (see isCustomResourceKind): like the
 * real apiextensions-apiserver it only prunes unknown fields and leaves type errors to validate().
 */
export function kindDefFromCrd(crd: CustomResourceDefinition, versionName: string): KindDef {
  const spec = crd.spec ?? {};
  const version = (spec.versions ?? []).find((v) => v.name === versionName);
  if (!version) throw new Error(`CustomResourceDefinition ${crd.metadata.name} has no version ${versionName}`);
  const group = spec.group ?? "";
  const names = servedNames(crd);
  const kind = names.kind ?? spec.names?.kind ?? "";
  const openAPI = version.schema?.openAPIV3Schema;
  const storage = (spec.versions ?? []).find((v) => v.storage)?.name ?? versionName;

  const printerColumns: CRDColumn[] =
    version.additionalPrinterColumns && version.additionalPrinterColumns.length
      ? version.additionalPrinterColumns
      : [{ name: "Age", type: "date", description: AGE_DESC, jsonPath: ".metadata.creationTimestamp" }];
  const columns: ColumnDefinition[] = [
    col("Name", "string", NAME_DESC, 0, "name"),
    ...printerColumns.map(
      (c) =>
        ({
          name: c.name ?? "",
          type: (c.type ?? "string") as ColumnDefinition["type"],
          format: (c.format ?? "") as ColumnDefinition["format"],
          description: c.description || `Custom resource definition column (in JSONPath format): ${c.jsonPath ?? ""}`,
          priority: (c.priority ?? 0) as ColumnDefinition["priority"],
        }) satisfies ColumnDefinition,
    ),
  ];

  const fieldSelectors: Record<string, (obj: KubeObject) => string | undefined> = {};
  for (const f of version.selectableFields ?? []) {
    if (!f.jsonPath) continue;
    const jp = f.jsonPath;
    fieldSelectors[jp.replace(/^\./, "")] = (obj) => {
      const v = evalJsonPath(obj, jp)[0];
      return v === undefined || v === null ? "" : goValueText(v);
    };
  }

  const scale = version.subresources?.scale;
  const def: KindDef = {
    group,
    version: versionName,
    kind,
    plural: names.plural ?? "",
    singular: names.singular ?? kind.toLowerCase(),
    shortNames: names.shortNames && names.shortNames.length ? [...names.shortNames] : undefined,
    categories: names.categories && names.categories.length ? [...names.categories] : undefined,
    namespaced: spec.scope === "Namespaced",
    schema: customResourceSchema(customResourceDefinitionId(group, versionName, kind), openAPI),
    statusSubresource: !!version.subresources?.status,
    scaleSubresource:
      scale && scale.specReplicasPath && scale.statusReplicasPath
        ? { specReplicasPath: scale.specReplicasPath, statusReplicasPath: scale.statusReplicasPath, labelSelectorPath: scale.labelSelectorPath }
        : undefined,
    tracksGeneration: true,
    applyDefaults(obj) {
      applySchemaDefaults(obj, openAPI);
    },
    validate(obj) {
      const errs: FieldError[] = [];
      if (!isPlainObject(openAPI)) return errs;
      const { apiVersion: _a, kind: _k, metadata: _m, ...rest } = obj;
      const rootSchema: JSONSchemaPropsT = { ...openAPI, properties: { ...(openAPI.properties ?? {}) } };
      delete rootSchema.properties!.metadata;
      delete rootSchema.properties!.apiVersion;
      delete rootSchema.properties!.kind;
      validateAgainstSchema(rest, rootSchema, "", errs);
      return errs;
    },
    columns,
    printRow(obj, ctx) {
      const cells: Cell[] = [obj.metadata.name ?? ""];
      for (const c of printerColumns) cells.push(cellFor(c.type ?? "string", evalJsonPath(obj, c.jsonPath ?? "")[0], ctx.nowMs));
      return cells;
    },
    fieldSelectors: Object.keys(fieldSelectors).length ? fieldSelectors : undefined,
  };
  if (storage !== versionName) {
    def.conversion = {
      storageVersion: storage,
      toStorage: (o) => ({ ...o, apiVersion: `${group}/${storage}` }),
      fromStorage: (o) => ({ ...o, apiVersion: `${group}/${versionName}` }),
    };
  }
  for (const k of Object.keys(def) as Array<keyof KindDef>) if (def[k] === undefined) delete def[k];
  customResourceKinds.add(def);
  return def;
}
