// coordination.k8s.io/v1 Lease (Kubernetes 1.32): types.go schema, ValidateLease of
// pkg/apis/coordination/validation and the printer of printers.go (NAME HOLDER AGE).
import type { KindDef, KubeObject } from "../types";
import { int, kindSchema, obj, str, time } from "../schema";
import { ObjectMeta } from "../common/meta";
import { age, ageColumn, col, nameColumn } from "../common/print";
import { invalid, type FieldError } from "../../machinery/field-errors";

export interface Lease extends KubeObject {
  spec?: {
    holderIdentity?: string;
    leaseDurationSeconds?: number;
    acquireTime?: string;
    renewTime?: string;
    leaseTransitions?: number;
    strategy?: string;
    preferredHolder?: string;
  };
}

export const LeaseSpec = obj(
  {
    acquireTime: time("acquireTime is a time when the current lease was acquired."),
    holderIdentity: str("holderIdentity contains the identity of the holder of a current lease. If Coordinated Leader Election is used, the holder identity must be equal to the elected LeaseCandidate.metadata.name field."),
    leaseDurationSeconds: int("leaseDurationSeconds is a duration that candidates for a lease need to wait to force acquire it. This is measured against the time of last observed renewTime."),
    leaseTransitions: int("leaseTransitions is the number of transitions of a lease between holders."),
    preferredHolder: str("PreferredHolder signals to a lease holder that the lease has a more optimal holder and should be given up. This field can only be set if Strategy is also set."),
    renewTime: time("renewTime is a time when the current holder of a lease has last updated the lease."),
    strategy: str("Strategy indicates the strategy for picking the leader for coordinated leader election. If the field is not specified, there is no active coordination for this lease. (Alpha) Using this field requires the CoordinatedLeaderElection feature gate to be enabled."),
  },
  { id: "io.k8s.api.coordination.v1.LeaseSpec", desc: "LeaseSpec is a specification of a Lease." },
);

/** ValidateLeaseSpec. */
export function validateLeaseSpec(l: Lease): FieldError[] {
  const spec = l.spec ?? {};
  const errs: FieldError[] = [];
  if (spec.leaseDurationSeconds !== undefined && spec.leaseDurationSeconds !== null && spec.leaseDurationSeconds <= 0) {
    errs.push(invalid("spec.leaseDurationSeconds", spec.leaseDurationSeconds, "must be greater than 0"));
  }
  if (spec.leaseTransitions !== undefined && spec.leaseTransitions !== null && spec.leaseTransitions < 0) {
    errs.push(invalid("spec.leaseTransitions", spec.leaseTransitions, "must be greater than or equal to 0"));
  }
  return errs;
}

function dropAlphaFields(l: Lease, old?: Lease): void {
  if (!l.spec) return;
  if (!old?.spec?.strategy) delete l.spec.strategy;
  if (!old?.spec?.preferredHolder) delete l.spec.preferredHolder;
}

export const lease: KindDef<Lease> = {
  group: "coordination.k8s.io",
  version: "v1",
  kind: "Lease",
  plural: "leases",
  singular: "lease",
  namespaced: true,
  schema: kindSchema("io.k8s.api.coordination.v1.Lease", "Lease defines a lease concept.", { spec: LeaseSpec }, ObjectMeta),
  // strategy and preferredHolder belong to the alpha CoordinatedLeaderElection feature, off in 1.32:
  // the strategy drops them unless the stored object already had them.
  prepareForCreate(l) {
    dropAlphaFields(l);
  },
  prepareForUpdate(l, old) {
    dropAlphaFields(l, old);
  },
  validate: (l) => validateLeaseSpec(l),
  columns: [
    nameColumn(),
    col("Holder", "string", "holderIdentity contains the identity of the holder of a current lease. If Coordinated Leader Election is used, the holder identity must be equal to the elected LeaseCandidate.metadata.name field."),
    ageColumn(),
  ],
  printRow: (l, ctx) => [l.metadata.name!, l.spec?.holderIdentity ?? "", age(l, ctx.nowMs)],
};
