import Foundation
import LoaChannels
import LoaConfig
import LoaCore
import LoaStore

/// Whether a notice fits the ZNS templates of the channels it may use (issue 17 §2), by the
/// parameter limits `loa run` last read from Zalo and kept in the store; without them, nothing
/// is refused here and each send is checked when the limits are known.
public enum ZNSNoticeFit {
    /// The first problem, naming the channel, parameter and limit; nil when the notice fits.
    public static func refusal(_ draft: NoticeDraft, configuration: LoaConfiguration, store: any Store) async throws -> String? {
        for channel in configuration.channels where channel.kind == .zaloZNS && draft.channels.channels.contains(channel.name) {
            guard let record = try await store.channelTemplate(channel: channel.name),
                record.templateID == channel.settings["template_id"],
                let info = try? ZaloZNSTemplateInfo(json: record.info),
                let template = try? ZaloZNSTemplate(table: channel.tables["template_params"], channel: channel.name)
            else { continue }
            let problems = template.problems(against: info, channel: channel.name)
                + template.noticeProblems(
                    title: draft.title, body: draft.body, place: draft.place, meetingAt: draft.meetingAt,
                    reminders: !draft.reminders.isEmpty, zone: configuration.commune.timeZone, info: info,
                    channel: channel.name)
            if let first = problems.first { return first }
        }
        return nil
    }
}
