/**
 * The checker's face: everything the extension and the command line use to check a lab and to run
 * the student's bptt for the gradient plot. What is behind it may move without a caller noticing.
 */
export { TASK_STATUSES, type CheckReport, type CheckTimings, type LabLanguage, type TaskReport, type TaskStatus } from './report';
export { partLabel } from './oracle/advice';
export { DEFAULT_MEMORY_LIMIT_MB, DEFAULT_TIMEOUT_MS, MIN_TIMEOUT_MS } from './limits';
export { runStudentProbe, type StudentProbeRequest, type StudentProbeResult } from './host/studentProbe';
export { CheckCancelledError, LabNotFoundError, checkLab, type CheckOptions } from './host/checkLab';
export { childRuntime, seatBeltSummary, type ChildRuntime } from './host/childRuntime';
export { formatJunit, formatText } from './host/formatReport';
export { scaffoldLab, type ScaffoldResult } from './host/scaffold';
export { LAB_ENTRY } from './labApi';
export { formatLocation, type SourceLocation } from './location';
