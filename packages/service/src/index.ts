export { healthEnv, loadServiceConfig, parseEnvShape, type EnvOf, type EnvShape } from './env.loader.ts';
export { startHealthServer, type HealthServer } from './health.server.ts';
export { createReadinessCheck, type Probe, type ReadinessReport } from './readiness.ts';
export { runService, type RunServiceOptions, type ServiceControl, type ServiceInstance } from './service.runtime.ts';
