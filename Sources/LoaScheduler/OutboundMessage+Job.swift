import LoaChannels
import LoaCore
import LoaStore

extension OutboundMessage {
    /// The wire-ready message for a claimed job of `notice`.
    init(job: DispatchJob, notice: Notice, settings: DispatchSettings) {
        let draft = notice.draft
        self.init(
            messageID: job.messageID, idempotencyKey: job.idempotencyKey, noticeID: notice.id,
            shortCode: notice.shortCode, kind: draft.kind,
            // A reminder says so first; everything else is the notice as sent.
            title: job.round > 0 ? Self.reminderPrefix + draft.title : draft.title, body: draft.body,
            link: settings.publicURL.flatMap { base in job.linkToken.map { base + "/m/" + $0 } },
            recipient: Recipient(
                name: job.recipient.name, phone: job.recipient.phone, zaloID: job.recipient.zaloID,
                hamlet: job.recipient.hamlet),
            meetingAt: draft.meetingAt, place: draft.place, expiresAt: draft.expiresAt,
            ackRequired: draft.ackRequired, timeZone: settings.timeZone, linkToken: job.linkToken)
    }
}
