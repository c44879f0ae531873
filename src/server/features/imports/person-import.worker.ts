/** Entry of the person import's reader thread (see person-import.read.ts). */
import { parentPort, workerData } from "node:worker_threads";
import { runReader, type WorkerInput } from "./person-import.read.ts";

if (parentPort) await runReader(workerData as WorkerInput, parentPort);
