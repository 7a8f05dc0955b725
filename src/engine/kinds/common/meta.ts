// Schemas shared by every kind: ObjectMeta and its parts, LabelSelector (apimachinery meta/v1).
import { z } from "zod";
import { bool, int64, list, obj, str, stringMap, strList, time, anyJson, strEnum } from "../schema";

export const OwnerReference = obj(
  {
    apiVersion: str("API version of the referent."),
    kind: str("Kind of the referent."),
    name: str("Name of the referent."),
    uid: str("UID of the referent."),
    controller: bool("If true, this reference points to the managing controller."),
    blockOwnerDeletion: bool(
      'If true, AND if the owner has the "foregroundDeletion" finalizer, then the owner cannot be deleted from the key-value store until this reference is removed.',
    ),
  },
  {
    id: "io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference",
    desc: "OwnerReference contains enough information to let you identify an owning object. An owning object must be in the same namespace as the dependent, or be cluster-scoped, so there is no namespace field.",
    required: ["apiVersion", "kind", "name", "uid"],
  },
);

export const ManagedFieldsEntry = obj(
  {
    apiVersion: str("APIVersion defines the version of this resource that this field set applies to."),
    fieldsType: str('FieldsType is the discriminator for the different fields format and version. There is currently only one possible value: "FieldsV1"'),
    fieldsV1: anyJson("FieldsV1 holds the first JSON version format as described in the \"FieldsV1\" type."),
    manager: str("Manager is an identifier of the workflow managing these fields."),
    operation: str("Operation is the type of operation which lead to this ManagedFieldsEntry being created. The only valid values for this field are 'Apply' and 'Update'."),
    subresource: str("Subresource is the name of the subresource used to update that object, or empty string if the object was updated through the main resource."),
    time: time("Time is the timestamp of when the ManagedFields entry was added."),
  },
  {
    id: "io.k8s.apimachinery.pkg.apis.meta.v1.ManagedFieldsEntry",
    desc: "ManagedFieldsEntry is a workflow-id, a FieldSet and the group version of the resource that the fieldset applies to.",
  },
);

export const ObjectMeta = obj(
  {
    annotations: stringMap(
      "Annotations is an unstructured key value map stored with a resource that may be set by external tools to store and retrieve arbitrary metadata. They are not queryable and should be preserved when modifying objects. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/annotations",
    ),
    creationTimestamp: time(
      "CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.",
    ),
    deletionGracePeriodSeconds: int64(
      "Number of seconds allowed for this object to gracefully terminate before it will be removed from the system. Only set when deletionTimestamp is also set. May only be shortened. Read-only.",
    ),
    deletionTimestamp: time(
      "DeletionTimestamp is RFC 3339 date and time at which this resource will be deleted. This field is set by the server when a graceful deletion is requested by the user, and is not directly settable by a client.",
    ),
    finalizers: strList({
      strategy: "merge",
      listType: "set",
      desc: "Must be empty before the object is deleted from the registry. Each entry is an identifier for the responsible component that will remove the entry from the list.",
    }),
    generateName: str(
      "GenerateName is an optional prefix, used by the server, to generate a unique name ONLY IF the Name field has not been provided. If this field is used, the name returned to the client will be different than the name passed. This value will also be combined with a unique suffix.",
    ),
    generation: int64("A sequence number representing a specific generation of the desired state. Populated by the system. Read-only."),
    labels: stringMap(
      "Map of string keys and values that can be used to organize and categorize (scope and select) objects. May match selectors of replication controllers and services. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels",
    ),
    managedFields: list(ManagedFieldsEntry, {
      desc: "ManagedFields maps workflow-id and version to the set of fields that are managed by that workflow. This is mostly for internal housekeeping, and users typically shouldn't need to set or understand this field.",
    }),
    name: str(
      "Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names",
    ),
    namespace: str(
      'Namespace defines the space within which each name must be unique. An empty namespace is equivalent to the "default" namespace, but "default" is the canonical representation. Not all objects are required to be scoped to a namespace - the value of this field for those objects will be ignored. Must be a DNS_LABEL. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces',
    ),
    ownerReferences: list(OwnerReference, {
      mergeKey: "uid",
      strategy: "merge",
      listType: "map",
      listMapKeys: ["uid"],
      desc: "List of objects depended by this object. If ALL objects in the list have been deleted, this object will be garbage collected. If this object is managed by a controller, then an entry in this list will point to this controller, with the controller field set to true. There cannot be more than one managing controller.",
    }),
    resourceVersion: str(
      "An opaque value that represents the internal version of this object that can be used by clients to determine when objects have changed. May be used for optimistic concurrency, change detection, and the watch operation on a resource or set of resources. Clients must treat these values as opaque and passed unmodified back to the server.",
    ),
    selfLink: str("Deprecated: selfLink is a legacy read-only field that is no longer populated by the system."),
    uid: str(
      "UID is the unique in time and space value for this object. It is typically generated by the server on successful creation of a resource and is not allowed to change on PUT operations. Populated by the system. Read-only. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#uids",
    ),
  },
  {
    id: "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta",
    desc: "ObjectMeta is metadata that all persisted resources must have, which includes all objects users must create.",
  },
);

export const LabelSelectorRequirement = obj(
  {
    key: str("key is the label key that the selector applies to."),
    operator: strEnum(["In", "NotIn", "Exists", "DoesNotExist"], "operator represents a key's relationship to a set of values. Valid operators are In, NotIn, Exists and DoesNotExist."),
    values: strList({
      listType: "atomic",
      desc: "values is an array of string values. If the operator is In or NotIn, the values array must be non-empty. If the operator is Exists or DoesNotExist, the values array must be empty. This array is replaced during a strategic merge patch.",
    }),
  },
  {
    id: "io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelectorRequirement",
    desc: "A label selector requirement is a selector that contains values, a key, and an operator that relates the key and values.",
    required: ["key", "operator"],
  },
);

export const LabelSelector = obj(
  {
    matchExpressions: list(LabelSelectorRequirement, {
      listType: "atomic",
      desc: "matchExpressions is a list of label selector requirements. The requirements are ANDed.",
    }),
    matchLabels: stringMap(
      'matchLabels is a map of {key,value} pairs. A single {key,value} in the matchLabels map is equivalent to an element of matchExpressions, whose key field is "key", the operator is "In", and the values array contains only "value". The requirements are ANDed.',
    ),
  },
  {
    id: "io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector",
    desc: "A label selector is a label query over a set of resources. The result of matchLabels and matchExpressions are ANDed. An empty label selector matches all objects. A null label selector matches no objects.",
  },
);

export const Condition = obj(
  {
    lastTransitionTime: time("lastTransitionTime is the last time the condition transitioned from one status to another."),
    message: str("message is a human readable message indicating details about the transition."),
    observedGeneration: int64("observedGeneration represents the .metadata.generation that the condition was set based upon."),
    reason: str("reason contains a programmatic identifier indicating the reason for the condition's last transition."),
    status: str("status of the condition, one of True, False, Unknown."),
    type: str("type of condition in CamelCase or in foo.example.com/CamelCase."),
  },
  {
    id: "io.k8s.apimachinery.pkg.apis.meta.v1.Condition",
    desc: "Condition contains details for one aspect of the current state of this API Resource.",
    required: ["type", "status", "lastTransitionTime", "reason", "message"],
  },
);

/** ListMeta for List kinds (used by OpenAPI list schemas). */
export const ListMeta = obj(
  {
    continue: str("continue may be set if the user set a limit on the number of items returned."),
    remainingItemCount: int64("remainingItemCount is the number of subsequent items in the list which are not included in this list response."),
    resourceVersion: str("String that identifies the server's internal version of this object that can be used by clients to determine when objects have changed."),
    selfLink: str("Deprecated: selfLink is a legacy read-only field that is no longer populated by the system."),
  },
  { id: "io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta", desc: "ListMeta describes metadata that synthetic resources must have, including lists and various status objects." },
);

export const TypedLocalObjectReference = obj(
  { apiGroup: str("APIGroup is the group for the resource being referenced."), kind: str("Kind is the type of resource being referenced"), name: str("Name is the name of resource being referenced") },
  { id: "io.k8s.api.core.v1.TypedLocalObjectReference", desc: "TypedLocalObjectReference contains enough information to let you locate the typed referenced object inside the same namespace.", required: ["kind", "name"] },
);

export { z };
