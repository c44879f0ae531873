/** React access to the offline controller's status. */
import { useEffect, useState } from "react";
import { currentStatus, type OfflineStatus, subscribe } from "./offline-controller.ts";

export function useOfflineStatus(): OfflineStatus {
  const [status, setStatus] = useState(currentStatus);
  useEffect(() => subscribe(setStatus), []);
  return status;
}
