package org.sectriage.sla;

import java.time.Instant;

/** A reminder or escalation that is due on a case, and since when. */
public record Notice(NoticeKind kind, Instant dueSince) {
}
