/**
 * CPU time of a call, in milliseconds: what a linear-time guard measures. Wall time on a shared machine says more about
 * the neighbours than about the scanner.
 */
export function cpuMs(run: () => unknown): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}
