package org.sectriage;

import static org.sectriage.pipeline.Conditions.FROM_A_MAINTAINER_ON_A_CASE;
import static org.sectriage.pipeline.Conditions.FROM_REPORTER_SIDE;
import static org.sectriage.pipeline.Conditions.IN_NO_CASE;
import static org.sectriage.pipeline.Conditions.IS_NOT_SECURITY;
import static org.sectriage.pipeline.Conditions.IS_REPORT;
import static org.sectriage.pipeline.Conditions.OPENED_A_CASE;
import static org.sectriage.pipeline.Conditions.READABLE;
import static org.sectriage.pipeline.Conditions.RETURNS_MAIL_TO_THE_REPORTER;
import static org.sectriage.pipeline.Conditions.WRITTEN_BY_A_PERSON;

import org.sectriage.act.Acknowledge;
import org.sectriage.act.ApplyCommands;
import org.sectriage.act.AuthenticateMaintainer;
import org.sectriage.act.RecordCreditPreference;
import org.sectriage.act.RelayToReporter;
import org.sectriage.act.NotifyMaintainers;
import org.sectriage.act.PointToTracker;
import org.sectriage.act.UpdateDeadlines;
import org.sectriage.classify.AnalyseText;
import org.sectriage.classify.ClassifyReport;
import org.sectriage.classify.DetectAutomatedMail;
import org.sectriage.classify.FlagLikelyDuplicates;
import org.sectriage.crypto.DecryptPgp;
import org.sectriage.crypto.FindOfferedKeys;
import org.sectriage.crypto.DetectSmimeEncryption;
import org.sectriage.crypto.LearnReporterKey;
import org.sectriage.crypto.VerifySignature;
import org.sectriage.parse.ParseMime;
import org.sectriage.pipeline.Pipeline;
import org.sectriage.threading.AttachToCase;
import org.sectriage.threading.OpenCase;
import org.sectriage.threading.RecordMessage;
import org.sectriage.threading.RestoreListAuthor;

/** The order of the steps every inbound message goes through: the whole flow at a glance. */
final class InboundPipeline {

    private InboundPipeline() {
    }

    /** The steps, built from their parts. */
    record Steps(ParseMime parse, DecryptPgp decrypt, RestoreListAuthor restoreListAuthor,
                 DetectSmimeEncryption detectSmime,
                 DetectAutomatedMail detectAutomated, AnalyseText analyseText,
                 FindOfferedKeys findKeys, LearnReporterKey learnKey, VerifySignature verify, AttachToCase attach,
                 ClassifyReport classify, OpenCase open, RecordMessage record, FlagLikelyDuplicates flagDuplicates,
                 Acknowledge acknowledge, PointToTracker pointToTracker, NotifyMaintainers notifyMaintainers,
                 AuthenticateMaintainer authenticate, ApplyCommands applyCommands, RelayToReporter relay,
                 RecordCreditPreference recordCredit, UpdateDeadlines updateDeadlines) {
    }

    static Pipeline of(Steps s) {
        return Pipeline.builder()
                .ahead(s.parse())
                .ahead(s.decrypt())
                .ahead(s.restoreListAuthor())
                .ahead(s.detectSmime())
                .ahead(s.detectAutomated())
                .ahead(WRITTEN_BY_A_PERSON.and(READABLE), s.analyseText())
                .ahead(s.findKeys())
                .then(s.verify())
                .then(s.learnKey())
                .then(s.attach())
                .when(IN_NO_CASE.and(WRITTEN_BY_A_PERSON).and(READABLE), s.classify())
                .when(IN_NO_CASE.and(WRITTEN_BY_A_PERSON), s.open())
                .then(s.record())
                .when(OPENED_A_CASE.and(IS_REPORT).and(READABLE), s.flagDuplicates())
                .when(OPENED_A_CASE.and(IS_REPORT), s.acknowledge())
                .when(OPENED_A_CASE.and(IS_NOT_SECURITY), s.pointToTracker())
                .when(WRITTEN_BY_A_PERSON.and(FROM_REPORTER_SIDE).and(READABLE), s.recordCredit())
                .when(WRITTEN_BY_A_PERSON.and(FROM_REPORTER_SIDE).or(RETURNS_MAIL_TO_THE_REPORTER),
                        s.notifyMaintainers())
                .when(FROM_A_MAINTAINER_ON_A_CASE, s.authenticate())
                .when(FROM_A_MAINTAINER_ON_A_CASE.and(READABLE), s.applyCommands())
                .when(FROM_A_MAINTAINER_ON_A_CASE.and(READABLE), s.relay())
                .when(IN_NO_CASE.negate(), s.updateDeadlines())
                .build();
    }
}
