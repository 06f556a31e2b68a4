export {
  compareLogs,
  type CompareOptions,
  type CompareResult,
  type DifferenceField,
  type EventSummary,
  type LogDifference,
} from './compare-logs.js';
export {
  copyLog,
  DEFAULT_BATCH_SIZE,
  type CopyOptions,
  type CopyProgress,
  type CopyResult,
} from './copy-log.js';
export { LogChain } from './log-chain.js';
export {
  findResumePoint,
  TargetNotACopyError,
  type MigrationEndpoint,
  type ResumePoint,
} from './resume-point.js';
export {
  describeLocation,
  openStoreAt,
  parseStoreLocation,
  positionsAreOrdinals,
  sameLocation,
  type StoreLocation,
} from './store-location.js';
