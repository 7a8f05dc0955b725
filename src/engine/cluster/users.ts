import type { UserInfo } from "../kinds/types";

/** The identity of a sandbox's token: kubeadm's admin.conf user (cluster-admin through its group). */
export const KUBERNETES_ADMIN: UserInfo = { username: "kubernetes-admin", groups: ["kubeadm:cluster-admins", "system:authenticated"] };
