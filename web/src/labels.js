// Label sets of the claim record (claim-record.md), in contract order.
export const TYPES = [
  'attack', 'arms_transfer', 'military_cooperation', 'diplomatic_rupture', 'diplomatic_engagement',
  'statement_or_acknowledgement', 'designation_or_sanction', 'casualties', 'deployment', 'other',
];
export const SOURCE_KINDS = [
  'named_person', 'named_organisation', 'media', 'anonymous_officials', 'unnamed_experts', 'document', 'author',
];
export const EPISTEMIC = ['asserted', 'reported', 'hedged', 'denied', 'opinion'];

/** The three sourcing groups the profile chart shows. */
export const SOURCE_GROUPS = [
  { key: 'none', label: 'no source (the article itself)', kinds: ['author'] },
  { key: 'unnamed', label: 'unnamed sources', kinds: ['anonymous_officials', 'unnamed_experts'] },
  { key: 'named', label: 'named sources', kinds: ['named_person', 'named_organisation', 'media', 'document'] },
];

/** Fields a reviewer may correct, with the allowed values when closed. */
export const CORRECTABLE = {
  type: TYPES,
  epistemic: EPISTEMIC,
  'source.kind': SOURCE_KINDS,
  'source.name': null,
  'actor.name': null,
  'target.name': null,
  'date.value': null,
  'place.name': null,
};
