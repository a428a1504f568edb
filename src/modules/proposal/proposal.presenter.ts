import type { ProposalRow } from './proposal.repository.js';
import type { ProposalKind, ProposalRecord } from './proposal.schema.js';

export function presentProposal(row: ProposalRow): ProposalRecord {
  return {
    id: row.id,
    sourceId: row.sourceId,
    kind: row.kind as ProposalKind,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    evidence: JSON.parse(row.evidence) as ProposalRecord['evidence'],
    confidence: row.confidencePct / 100,
    status: row.status as ProposalRecord['status'],
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt,
    reason: row.reason,
    resultType: row.resultType,
    resultId: row.resultId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}
