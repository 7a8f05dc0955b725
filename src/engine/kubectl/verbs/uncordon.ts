// `kubectl uncordon`: cordon's command, the other way (see cordon.ts).
import { nodeScheduleCommand } from "./cordon";

export const uncordonCommand = nodeScheduleCommand(false);
