export { importRegistry, detectFormat, type ImportRegistryOptions, type RegistryFormat } from './registry.importer.ts';
export { createRegistryIndex } from './registry.index.ts';
export { diffSnapshots, changedFields, type RegistryDiff, type RegistryChange, type RegistryChangedField } from './snapshot.diff.ts';
export { resolveCertificationBody } from '@hds/core';
export { sameCertificateNumber, certificateNumberKey } from './certificate.numbers.ts';
export { fieldOfHeader, type RegistryField } from './header.aliases.ts';
