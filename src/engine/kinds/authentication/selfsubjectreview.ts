// authentication.k8s.io/v1 SelfSubjectReview (Kubernetes 1.32): `kubectl auth whoami`. Served
// without storage: create answers with the requesting user's attributes
// (pkg/registry/authentication/selfsubjectreview/rest.go).
import { z } from "zod";
import type { KindDef, KubeObject } from "../types";
import { kindSchema, obj, str, strList } from "../schema";
import { ObjectMeta } from "../common/meta";
import { rfc3339 } from "../../machinery/time";
import { reviewColumns, reviewRow } from "../authorization/selfsubjectaccessreview";

export const AUTHENTICATION_GROUP = "authentication.k8s.io";

export interface SelfSubjectReview extends KubeObject {
  status?: { userInfo: { username?: string; uid?: string; groups?: string[]; extra?: Record<string, string[]> } };
}

const UserInfo = obj(
  {
    extra: z.record(z.string(), z.array(z.string())).optional().describe("Any additional information provided by the authenticator."),
    groups: strList({ listType: "atomic", desc: "The names of groups this user is a part of." }),
    uid: str("A unique value that identifies this user across time. If this user is deleted and another user by the same name is added, they will have different UIDs."),
    username: str("The name that uniquely identifies this user among all active users."),
  },
  { id: "io.k8s.api.authentication.v1.UserInfo", desc: "UserInfo holds the information about the user needed to implement the user.Info interface." },
);

const SelfSubjectReviewStatus = obj(
  { userInfo: UserInfo.describe("User attributes of the user making this request.") },
  { id: "io.k8s.api.authentication.v1.SelfSubjectReviewStatus", desc: "SelfSubjectReviewStatus is filled by the kube-apiserver and sent back to a user." },
);

export const selfSubjectReview: KindDef<SelfSubjectReview> = {
  group: AUTHENTICATION_GROUP,
  version: "v1",
  kind: "SelfSubjectReview",
  plural: "selfsubjectreviews",
  singular: "selfsubjectreview",
  namespaced: false,
  verbs: ["create"],
  schema: kindSchema(
    "io.k8s.api.authentication.v1.SelfSubjectReview",
    "SelfSubjectReview contains the user information that the kube-apiserver has about the user making this request. When using impersonation, users will receive the user info of the user being impersonated.  If impersonation or request header authentication is used, any extra keys will have their case ignored and returned as lowercase.",
    { status: SelfSubjectReviewStatus.describe("Status is filled in by the server with the user attributes.") },
    ObjectMeta,
  ),
  virtual: {
    create(_input, ctx) {
      const userInfo: NonNullable<SelfSubjectReview["status"]>["userInfo"] = { username: ctx.user.username };
      if (ctx.user.groups.length) userInfo.groups = [...ctx.user.groups];
      return { kind: "SelfSubjectReview", apiVersion: `${AUTHENTICATION_GROUP}/v1`, metadata: { creationTimestamp: rfc3339(ctx.nowMs) }, status: { userInfo } };
    },
  },
  columns: reviewColumns(),
  printRow: (o, ctx) => reviewRow(o, ctx.nowMs),
};
