export { DEFAULT_POLICY, resolvePolicy, type PolicyOverrides, type RulePolicy } from './policy.ts';
export { evaluateDossier, sortFindings, type EvaluateInput, type Evaluation } from './evaluate.ts';
export { isKnownBody, isSameBody, resolveBody } from './bodies.ts';
export { normaliseCertificateNumber } from './registry.rules.ts';
