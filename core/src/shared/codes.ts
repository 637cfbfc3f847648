/** Every diagnostic we publish carries this source, so users can tell our problems from other tools'. */
export const DIAGNOSTIC_SOURCE = 'imm-highlight';

/** Problems of the YAML text itself. Codes are stable: users filter on them and the README lists them. */
export enum YamlCode {
  Syntax = 'yaml-syntax',
  DuplicateKey = 'yaml-duplicate-key',
  MultipleDocuments = 'yaml-multiple-documents',
  AliasLimit = 'yaml-alias-limit',
  TooLarge = 'file-too-large',
  TooDeep = 'yaml-too-deep',
}

/** Problems found by the request schema. */
export enum SchemaCode {
  Type = 'invalid-type',
  Enum = 'invalid-value',
  Required = 'missing-property',
  Unknown = 'unknown-property',
  Range = 'out-of-range',
  TooLong = 'too-long',
  TooShort = 'too-short',
  TooManyItems = 'too-many-items',
  TooFewItems = 'too-few-items',
  Pattern = 'invalid-format',
}

/** Names off the lists of the IMM developer reference (warnings: the lists grow). See documentedNames.ts. */
export enum DocumentedNameCode {
  Transition = 'undocumented-transition',
  VfxEffect = 'undocumented-vfx-effect',
}
