import os from 'node:os';

/** The machine a bench ran on, recorded with its figures. */
export interface MachineInfo {
  os: string;
  cpu: string;
  cores: number;
  memoryGb: number;
  node: string;
  /** 1-minute load average when the bench started: above 0 means other work shared the cores. */
  loadAverage: number;
}

/** Describes this machine (OS, CPU model, logical cores, memory, Node version, current load). */
export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: typeof os.availableParallelism === 'function' ? os.availableParallelism() : cpus.length,
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    loadAverage: Math.round(os.loadavg()[0]! * 100) / 100,
  };
}
