package org.sectriage.classify.report;

/**
 * An open case whose report resembles a new one.
 *
 * @param caseId  the open case, e.g. {@code SEC-2026-0003}
 * @param score   the similarity, from 0 (nothing alike) to 1
 * @param reasons what they share, without quoting either report, e.g. "similar text (0.81), 2 shared code locations, same class xss"
 */
public record LikelyDuplicate(String caseId, double score, String reasons) {
}
