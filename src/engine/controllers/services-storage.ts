// The controllers that follow Services, storage, quotas and events, in the order they run.
import type { Controller } from "./types";
import { endpointsController } from "./endpoints";
import { endpointSliceController, endpointSliceMirroringController } from "./endpointslice";
import { persistentVolumeController } from "./persistentvolume";
import { resourceQuotaController } from "./resourcequota";
import { eventTtl } from "./event-ttl";

export const SERVICE_AND_STORAGE_CONTROLLERS: readonly Controller[] = [
  endpointsController,
  endpointSliceController,
  endpointSliceMirroringController,
  persistentVolumeController,
  resourceQuotaController,
  eventTtl,
];
