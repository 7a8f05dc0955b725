// One Deployment being synced: the Deployment as last written, the ReplicaSets it owns (kept current
// after every write), and the writes, events and wake-ups the sync produced.
import type { KubeObject } from "../../kinds/types";
import type { ControllerClient } from "../client";
import { cloneForWrite } from "../controller-utils";
import { earliest } from "../types";
import { ApiError } from "../../machinery/status";

export const COMPONENT = "deployment-controller";

export class DeploymentSync {
  changed = false;
  wakeAtMs: number | undefined;
  /** The Deployment (a private copy; replaced by the stored object after each status write). */
  d: KubeObject;

  constructor(
    readonly client: ControllerClient,
    d: KubeObject,
    /** The ReplicaSets this Deployment owns, kept current after every write. */
    public rsList: KubeObject[],
    /** Pods of the owned ReplicaSets, grouped by ReplicaSet uid (Recreate waits on them). */
    readonly podsOf: (rsUid: string) => readonly KubeObject[],
  ) {
    this.d = cloneForWrite(d);
  }

  get nowMs(): number {
    return this.client.nowMs;
  }

  wake(atMs: number | undefined): void {
    this.wakeAtMs = earliest(this.wakeAtMs, atMs);
  }

  /** Events are best effort, as client-go's recorder: one that cannot be written (a full sandbox) is dropped. */
  event(type: "Normal" | "Warning", reason: string, message: string): void {
    try {
      this.client.event(this.d, type, reason, message, { component: COMPONENT });
      this.changed = true;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
  }

  /** UpdateStatus with this.d (status and the annotations the controller set). */
  writeStatus(): void {
    const before = this.d.metadata.resourceVersion;
    const written = this.client.updateStatus(this.d);
    if (written.metadata.resourceVersion !== before) this.changed = true;
    this.d = cloneForWrite(written);
  }

  private replace(rs: KubeObject): void {
    const i = this.rsList.findIndex((r) => r.metadata.uid === rs.metadata.uid);
    if (i >= 0) this.rsList[i] = rs;
    else this.rsList.push(rs);
  }

  updateRS(rs: KubeObject): KubeObject {
    const before = rs.metadata.resourceVersion;
    const written = this.client.update(rs);
    if (written.metadata.resourceVersion !== before) this.changed = true;
    this.replace(written);
    return written;
  }

  createRS(rs: KubeObject): KubeObject {
    const created = this.client.create(rs);
    this.changed = true;
    this.replace(created);
    return created;
  }

  deleteRS(rs: KubeObject): void {
    if (this.client.delete(rs)) this.changed = true;
    this.rsList = this.rsList.filter((r) => r.metadata.uid !== rs.metadata.uid);
  }
}
